/**
 * Español, as US schools write to families: usted, plain words. Clever's own Spanish help names
 * Instant Login "Inicio de sesión instantáneo" and Badge "Credencial"; we use the same words.
 * Every key of en.ts; a message is its ICU template, with the English message's placeholder names.
 */
import type { CatalogSource, Dir } from "../catalog";

export default {
  meta: {
    tag: "es",
    name: "Español",
    dir: "ltr" as Dir,
  },

  // ---- the page shell, navigation and language switcher
  layout: {
    siteName: "Family Portal",
    titleSuffix: "{title} · Family Portal",
    skipToContent: "Ir al contenido",
    mainNavigation: "Principal",
    signIn: "Iniciar sesión",
    signOut: "Cerrar sesión",
    help: "Ayuda",
    home: "Inicio",
    messages: "Mensajes",
    /** After the number shown in the Messages tab, for screen readers. */
    unreadConversations: "{count, plural, one {conversación sin leer} other {conversaciones sin leer}}",
    ideas: "Ideas",
    accountSettings: "Configuración de la cuenta",
    myClasses: "Mis clases",
    settings: "Configuración",
    languageSwitcher: "Idioma",
    switchTo: "Ver esta página en {name}",
  },

  // ---- onboarding: invitation link, siblings, the account step, email confirmation
  onboarding: {
    /** Page titles (the tab's name). */
    titles: {
      invitationNotFound: "No se encontró la invitación",
      invitationExpired: "La invitación venció",
      invitation: "Invitación",
      isThisYourChild: "¿Es su hijo o hija?",
      schoolTold: "Se avisó a la escuela",
      pleaseWait: "Por favor, espere",
      freshInvitation: "Nueva invitación",
      anotherInvitation: "Otra invitación",
      join: "Únase a Family Portal",
      thankYou: "Gracias",
      addToAccount: "Agregar a su cuenta",
      createAccount: "Cree su cuenta",
      checkEmail: "Revise su correo electrónico",
      sendLinkAgain: "Enviar el enlace de nuevo",
      linkNotValid: "El enlace no es válido",
      alreadyConfirmed: "Ya está confirmado",
      confirmEmail: "Confirme su correo electrónico",
    },
    school: "Escuela",
    child: "Estudiante",
    /** A child's name and school in a list: "Maya Johnson, Maple Grove Elementary". */
    childAtSchool: "{child}, {school}",
    yesMyChild: "Sí, es mi hijo o hija",
    notMyChild: "No es mi hijo ni mi hija",
    signIn: "Iniciar sesión",
    confirm: {
      heading: "¿Es su hijo o hija?",
      invitedBy: "{district} le invitó a Family Portal. Revise la escuela y el nombre de su hijo o hija.",
      alreadySaid: "Usted ya dijo que es su hijo o hija.",
      continue: "Continuar",
      ifWrong: "Si el nombre no es correcto, elija «No es mi hijo ni mi hija». La invitación dejará de funcionar y se avisará a la escuela para que lo corrija.",
    },
    siblings: {
      /** `names`: already joined as a list ("Maya Johnson and Leo Johnson"). */
      youConfirmed: "Usted confirmó a {names}.",
      heading: "También tiene una invitación para {child} en {school}",
      allAtOnce: "Responder a todas a la vez",
      moreInvitations: "{count, plural, one {Tiene # invitación más:} other {Tiene # invitaciones más:}}",
      yesToAll: "Sí a todas: todos son mis hijos",
    },
    /** A link that cannot be used: each state its own page. */
    problems: {
      not_found: {
        title: "Este enlace de invitación no funciona",
        body: "Puede que el enlace esté incompleto o mal escrito. Ábralo de nuevo desde el correo electrónico o el mensaje de texto que recibió. Si sigue sin funcionar, comuníquese con la escuela de su hijo o hija y pida una nueva invitación.",
      },
      accepted: {
        title: "Esta invitación ya se usó",
        body: "Cada enlace de invitación conecta una sola cuenta, una sola vez. Si fue usted, inicie sesión para ver a sus hijos. Si no fue usted, comuníquese con la escuela de su hijo o hija.",
      },
      revoked: {
        title: "Esta invitación fue retirada",
        body: "La escuela detuvo esta invitación y ya no funciona. Si cree que es un error, comuníquese con la escuela de su hijo o hija.",
      },
      disputed: {
        title: "Esta invitación se detuvo",
        body: "Alguien dijo que no es su hijo ni su hija. Por eso el enlace ya no funciona y se avisó a la escuela. Si fue un error, comuníquese con la escuela de su hijo o hija.",
      },
    },
    expired: {
      heading: "Esta invitación venció",
      tooOld: "Su invitación para {child} en {school} ya no se puede usar porque venció. Podemos enviarle una nueva.",
      sendFresh: "Envíenme una nueva invitación",
      /** `masked`: the address on file, partly hidden ("jo•••@example.com"). */
      sameEmail: "Se envía al mismo correo electrónico que la escuela tiene registrado ({masked}). Para usar otra dirección, pídalo a la escuela de su hijo o hija.",
      samePhone: "Se envía al mismo número de teléfono que la escuela tiene registrado ({masked}). Para usar otro número, pídalo a la escuela de su hijo o hija.",
      notYourChild: "¿No es su hijo ni su hija? Comuníquese con la escuela.",
    },
    renewal: {
      sentHeading: "Le enviamos una nueva invitación",
      sentEmail: "Revise su correo electrónico ({masked}) y abra la invitación más reciente. El enlace anterior sigue vencido.",
      sentSms: "Revise sus mensajes de texto ({masked}) y abra la invitación más reciente. El enlace anterior sigue vencido.",
      supersededHeading: "Ya le enviamos una invitación más reciente",
      superseded: "Ya se le envió una invitación más reciente para este estudiante. Busque el mensaje más reciente de la escuela y abra su enlace.",
      limitedHeading: "Por favor, espere un poco",
      /** `wait`: "45 seconds", "12 minutes" (common.wait). */
      limited: "Usted pidió varias invitaciones nuevas en la última hora. Vuelva a intentarlo en unos {wait}, o comuníquese con la escuela de su hijo o hija.",
      notExpiredHeading: "No pudimos enviar una nueva invitación",
      notExpired: "Esta invitación ya no se puede renovar. Comuníquese con la escuela de su hijo o hija.",
    },
    disputed: {
      heading: "Gracias. Se avisó a la escuela.",
      /** `school`: null when the school is not known. */
      body: "Esta invitación ya no funciona. {school, select, none {La escuela} other {{school}}} puede ver que usted dijo que no es su hijo ni su hija, para que lo corrija.",
      continueOthers: "Continuar con sus otras invitaciones",
      nothingElse: "No necesita hacer nada más.",
    },
    join: {
      heading: "Cree su cuenta",
      youConfirmed: "Usted confirmó a:",
      addedWhenReady: "Se agregarán a su cuenta en cuanto esté lista.",
      googleHeading: "Continuar con Google",
      googleAnyAddress: "Su cuenta de Google no tiene que ser la dirección donde llegó la invitación.",
      orEmailHeading: "O continúe con su correo electrónico",
      emailHeading: "Continúe con su correo electrónico",
      personalAddress: "Use su propio correo electrónico personal, no la dirección escolar de su hijo o hija.",
      name: "Su nombre",
      email: "Su correo electrónico",
      emailHint: "Enviamos un enlace a esta dirección para confirmarla.",
      password: "Elija una contraseña",
      passwordHint: "Al menos 8 caracteres. Unas cuantas palabras juntas son fáciles de recordar y difíciles de adivinar.",
      submit: "Continuar con correo electrónico",
      haveAccountHeading: "¿Ya tiene una cuenta?",
      signInToAdd: "Inicie sesión para agregar a sus hijos",
    },
    /** A returning parent (an account at the invited address, or a browser where a parent signed in before): signing in comes first. */
    returning: {
      /** `names` is already a list ("Maya y Leo"). */
      heading: "Inicie sesión para agregar a {names}",
      signIn: "Iniciar sesión",
      why: "Si ya tiene una cuenta de Family Portal, inicie sesión y se agregarán a ella.",
      newHere: "¿Es nuevo en Family Portal? Cree su cuenta",
    },
    addToAccount: {
      heading: "Agregar a su cuenta",
      signedInAs: "Usted inició sesión como {email}.",
      submit: "Agregar a mi cuenta",
      notYours: "¿No es su cuenta? Primero cierre la sesión y luego abra la invitación de nuevo.",
    },
    nothingToJoin: {
      thanksHeading: "Gracias",
      noneYours: "Usted dijo que ninguno de estos estudiantes es su hijo o hija. Se avisó a la escuela. No necesita hacer nada más.",
      startHeading: "Empiece con su invitación",
      start:
        "Para unirse a Family Portal, abra el enlace de invitación que la escuela de su hijo o hija le envió por correo electrónico o mensaje de texto. Las invitaciones las envía la escuela. Si no tiene una, pídala al maestro o maestra de su hijo o hija.",
      haveAccount: "¿Ya tiene una cuenta?",
    },
    checkEmail: {
      heading: "Revise su correo electrónico",
      sent: "Le enviamos un correo electrónico. Ábralo y presione «Confirmar mi correo electrónico». Así iniciará sesión y se agregarán sus hijos.",
      /** Followed by the link sendAgain, then a full stop. */
      nothingArrived:
        "El enlace funciona durante 24 horas. Si ya tiene una cuenta con esa dirección, el correo le explica cómo iniciar sesión. ¿No le llegó nada después de unos minutos? Busque en su carpeta de correo no deseado, o",
      sendAgain: "envíe el enlace de nuevo",
    },
    verify: {
      heading: "Confirme su correo electrónico",
      /** Around the address, shown in bold. */
      otherBrowserBefore: "Está confirmando",
      otherBrowserAfter:
        "en un teléfono o navegador distinto del que usó para registrarse. Escriba la contraseña que eligió al registrarse. Si usted no se registró en Family Portal, cierre esta página: no pasará nada.",
      pressBefore: "Presione el botón para confirmar",
      pressAfter: "e iniciar sesión.",
      password: "Su contraseña",
      submit: "Confirmar mi correo electrónico",
      alreadyHeading: "Su correo electrónico ya está confirmado",
      already: "Solo necesita confirmarlo una vez. Inicie sesión para ver a sus hijos.",
      brokenHeading: "Este enlace ya no funciona",
      broken:
        "Los enlaces de confirmación funcionan una sola vez, durante 24 horas, y solo funciona el más reciente enviado a una dirección. Si ya confirmó su correo electrónico, solo inicie sesión. Si no, pida un enlace nuevo.",
      sendNewLink: "Enviar un enlace nuevo",
    },
    resend: {
      heading: "Enviar el enlace de confirmación de nuevo",
      sent: "Si esa dirección tiene un registro pendiente de confirmar, le enviamos un enlace nuevo (el enlace anterior ya no funciona). Revise su correo electrónico. ¿No le llegó nada? Abra su invitación de nuevo y continúe con su correo electrónico.",
      limited: "Enviamos varios enlaces a esa dirección hace poco. Espere unos {wait} y busque en su carpeta de correo no deseado.",
      email: "Su correo electrónico",
      submit: "Enviar el enlace",
    },
    /** Messages of the sign-up and confirmation forms. */
    errors: {
      enterName: "Escriba su nombre.",
      enterEmail: "Escriba una dirección de correo electrónico como nombre@ejemplo.com.",
      studentAddress: "Esta es la dirección escolar de un estudiante. Use su propio correo electrónico personal.",
      wrongAttemptPassword: "Esa no es la contraseña que se eligió para este registro. Escríbala de nuevo.",
      tooManyTries: "Demasiados intentos. Espere {wait}, o regístrese de nuevo.",
    },
    /** The account emails of onboarding. */
    emails: {
      verify: {
        subject: "Confirme su correo electrónico para Family Portal",
        hello: "Hola:",
        why: "Confirme que esta es su dirección de correo electrónico. Al confirmarla, iniciará sesión en Family Portal y se conectarán los estudiantes que usted confirmó.",
        how: "El enlace funciona una sola vez y vence en 24 horas. Si se registra de nuevo antes de usarlo, solo funciona el enlace más reciente. En un teléfono o computadora distinto del que usó para registrarse, se le pedirá la contraseña que eligió.",
        button: "Confirmar mi correo electrónico",
        footer: "Si usted no pidió una cuenta de Family Portal, no haga caso a este correo: no pasará nada sin usted.",
      },
      accountExists: {
        subject: "Usted ya tiene una cuenta de Family Portal",
        tried: "Alguien, probablemente usted, intentó crear una cuenta de Family Portal con esta dirección de correo electrónico. Usted ya tiene una.",
        signIn: "Inicie sesión para agregar a sus hijos. Si no recuerda su contraseña, elija «¿Olvidó su contraseña?» en la página para iniciar sesión.",
        button: "Iniciar sesión",
        footer: "Si no fue usted, puede no hacer caso a este correo: no cambió nada.",
      },
    },
  },

  // ---- signIn: parent sign-in, sign-out, forgot and reset password
  signIn: {
    title: "Iniciar sesión",
    heading: "Iniciar sesión",
    adding: "Inicie sesión para agregar a su cuenta a los estudiantes que confirmó.",
    confirmFirst: "Primero confirme su dirección de correo electrónico. Le enviamos un enlace cuando creó su cuenta.",
    sendNewLink: "Envíenme un enlace nuevo",
    /** On the landing and sign-in pages: the other ways in (views/other-doors.tsx). */
    otherDoors: {
      teacher: "¿Es usted maestro?",
      teacherLink: "Inicio de sesión para maestros",
      student: "¿Eres estudiante y estás en la escuela?",
      studentLink: "Entra con tu credencial",
    },
    email: "Correo electrónico",
    password: "Contraseña",
    submit: "Iniciar sesión",
    forgot: "¿Olvidó su contraseña?",
    newHere: "¿Es nuevo en Family Portal? Las invitaciones las envía la escuela de su hijo o hija: abra el enlace del correo electrónico o mensaje de texto que le enviaron.",
    missing: "Escriba su correo electrónico y su contraseña.",
    wrong: "El correo electrónico o la contraseña no son correctos. Revíselos e intente de nuevo.",
    tooMany: {
      title: "Demasiados intentos",
      heading: "Demasiados intentos",
      /** `wait`: "45 seconds", "12 minutes" (common.wait). */
      body: "Para proteger las cuentas, el inicio de sesión está en pausa para esta dirección. Espere unos {wait} e intente de nuevo.",
    },
    google: {
      title: "Inicio de sesión con Google",
      heading: "No pudimos iniciar su sesión con Google",
      studentEmail: "Esa cuenta de Google usa la dirección escolar de un estudiante. Use su propia cuenta personal de Google, o continúe con su correo electrónico personal.",
      failed: "Algo salió mal al iniciar sesión con Google, así que no se cambió nada. Intente de nuevo, o inicie sesión con su correo electrónico y su contraseña.",
      back: "Volver a iniciar sesión",
    },
    forgotPage: {
      title: "¿Olvidó su contraseña?",
      heading: "¿Olvidó su contraseña?",
      sent: "Si alguna cuenta usa esa dirección, le enviamos un enlace. El enlace funciona durante una hora. ¿No le llegó nada después de unos minutos? Busque en su carpeta de correo no deseado, o pídalo de nuevo.",
      intro: "Escriba la dirección de correo electrónico de su cuenta. Le enviaremos un enlace para elegir una contraseña nueva.",
      email: "Dirección de correo electrónico",
      submit: "Envíenme un enlace",
      back: "Volver a iniciar sesión",
      google: "¿Se registró con «Continuar con Google»? Aquí no tiene contraseña: inicie sesión con Google.",
      enterEmail: "Escriba su dirección de correo electrónico.",
      tooLong: "Esa dirección es demasiado larga.",
      invalidEmail: "Escriba una dirección de correo electrónico como nombre@ejemplo.com.",
    },
    resetPage: {
      title: "Elija una contraseña nueva",
      heading: "Elija una contraseña nueva",
      /** Around the account's address, shown in bold. */
      forAccountBefore: "Para la cuenta",
      forAccountAfter: ". Al guardarla, se cerrará su sesión en todos los demás dispositivos.",
      submit: "Guardar mi contraseña nueva",
      sendNewLink: "Envíenme un enlace nuevo",
      signIn: "Iniciar sesión",
    },
    /** A reset link that cannot be used. */
    resetProblems: {
      unknown: { title: "Este enlace no funciona", text: "Puede que el enlace esté incompleto: revise que abrió el enlace completo del correo electrónico." },
      used: { title: "Este enlace ya se usó", text: "Cada enlace funciona una sola vez. Si todavía necesita una contraseña nueva, pida otro enlace." },
      expired: { title: "Este enlace venció", text: "Los enlaces funcionan durante una hora. Pida uno nuevo: solo toma un minuto." },
    },
  },

  // ---- account: Account settings, language, devices, deleting the account
  account: {
    title: "Configuración de la cuenta",
    heading: "Configuración de la cuenta",
    checkForm: "Revise el formulario de abajo.",
    name: {
      heading: "Nombre",
      label: "Su nombre",
      hint: "Los maestros ven este nombre.",
      save: "Guardar el nombre",
    },
    email: {
      heading: "Dirección de correo electrónico",
      cannotChange:
        "La dirección de correo electrónico de una cuenta no se puede cambiar. Para usar otra dirección, pida al distrito escolar de su hijo o hija que envíe una nueva invitación para cada estudiante a esa dirección.",
    },
    language: {
      heading: "Idioma",
      intro: "Las páginas y los correos electrónicos de Family Portal le llegan en este idioma.",
      save: "Guardar el idioma",
      chooseOne: "Elija uno de los idiomas.",
    },
    password: {
      heading: "Contraseña",
      googleOnly: "Usted inicia sesión con Google, así que su cuenta no tiene una contraseña que cambiar aquí. Para proteger su cuenta, proteja su cuenta de Google.",
      current: "Contraseña actual",
      new: "Contraseña nueva",
      newHint: "Al menos 8 caracteres. Unas cuantas palabras que usted recuerde funcionan bien.",
      submit: "Cambiar la contraseña",
      /** Followed by the link byEmail, then a full stop. */
      signsOut: "Al cambiar su contraseña, se cerrará su sesión en todos los demás dispositivos. ¿La olvidó?",
      byEmail: "Reciba un enlace por correo electrónico",
    },
    sessions: {
      heading: "Dónde tiene la sesión iniciada",
      thisDevice: "este dispositivo",
      /** Before the date and time the session began, and before the last time it was used. */
      signedIn: "Sesión iniciada:",
      lastActive: "última actividad:",
      signOut: "Cerrar la sesión en {device}",
      signOutOthers: "Cerrar la sesión en todos los demás",
      nowhereElse: "No tiene la sesión iniciada en ningún otro lugar.",
      dontRecognise: "¿No reconoce un dispositivo? Cierre la sesión en él y luego cambie su contraseña.",
      unknownDevice: "Dispositivo desconocido",
      /** "Chrome on Android": browser and system names stay as they are. */
      browserOn: "{browser} en {system}",
      /** The page that asks before signing a device out (issue 14: nothing destructive in one tap). */
      confirm: {
        oneTitle: "¿Cerrar la sesión en {device}?",
        oneWhat: "La sesión de Family Portal en ese dispositivo se cierra de inmediato. Para volver a usarlo allí, habrá que iniciar sesión con su correo electrónico y contraseña (o con Google).",
        oneButton: "Cerrar la sesión en ese dispositivo",
        othersTitle: "{count, plural, one {¿Cerrar la sesión en su otro dispositivo?} other {¿Cerrar la sesión en sus otros # dispositivos?}}",
        othersWhat: "La sesión de Family Portal se cierra de inmediato en todos los dispositivos menos en este. Para volver a usarlo allí, habrá que iniciar sesión con su correo electrónico y contraseña (o con Google).",
        othersButton: "Cerrar la sesión en los demás dispositivos",
        cancel: "Cancelar",
      },
    },
    sessionNotFound: {
      title: "No se encontró",
      heading: "Ese dispositivo no está en su cuenta",
      body: "Puede que ya se haya cerrado la sesión en él.",
      back: "Volver a la configuración de la cuenta",
    },
    deleteSection: {
      heading: "Eliminar la cuenta",
      body: "Elimine su cuenta y sus conexiones con sus hijos.",
      link: "Eliminar mi cuenta",
    },
    deletePage: {
      title: "Eliminar su cuenta",
      heading: "Eliminar su cuenta",
      whatHappens: "Qué pasará",
      accountGoes: "Se eliminarán su cuenta, sus sesiones en todos los dispositivos y sus conexiones con sus hijos. Esto no se puede deshacer.",
      messagesGo: "Se quitarán sus mensajes a los maestros. Los maestros conservan lo que ellos escribieron y le verán como «antiguo tutor».",
      schoolKeeps: "La escuela de su hijo o hija conserva sus propios registros. Para volver a usar Family Portal, pida a la escuela una nueva invitación.",
      confirm: "Confirmar",
      password: "Su contraseña",
      typeEmail: "Escriba su dirección de correo electrónico para confirmar",
      typeEmailHint: "Usted inicia sesión con Google. Escriba {email} para confirmar.",
      submit: "Eliminar mi cuenta",
      keep: "Conservar mi cuenta",
    },
    /** What the page says after each change. */
    notices: {
      name: "Se guardó su nombre.",
      notificationsOn: "Recibirá un correo electrónico cuando un mensaje siga sin leer por un tiempo.",
      notificationsOff: "No recibirá correos sobre mensajes sin leer. Los seguirá viendo cuando inicie sesión.",
      password: "Se guardó su contraseña nueva. Se cerró la sesión en todos los demás dispositivos.",
      passwordReset: "Se guardó su contraseña nueva y tiene la sesión iniciada en este dispositivo. Se cerró la sesión en todos los demás dispositivos.",
      sessionEnded: "Se cerró la sesión en ese dispositivo.",
      othersEnded: "Se cerró la sesión en todos los demás dispositivos.",
      language: "Se guardó su idioma.",
    },
    errors: {
      enterName: "Escriba su nombre.",
      tooLong: "Use {max} caracteres como máximo.",
      tickOrLeave: "Marque la casilla o déjela vacía.",
      enterCurrent: "Escriba su contraseña actual.",
      wrongCurrent: "Esa no es su contraseña actual.",
      chooseNew: "Elija una contraseña nueva.",
      googleNoPassword: "Usted inicia sesión con Google, así que su cuenta no tiene una contraseña que cambiar.",
      tooManyWrong:
        "Demasiadas contraseñas incorrectas. Espere una hora e intente de nuevo, o reciba un enlace por correo electrónico con «¿Olvidó su contraseña?».",
      tooManyWrongDelete: "Demasiadas contraseñas incorrectas. Espere una hora e intente de nuevo.",
      notYourPassword: "Esa no es su contraseña.",
      deleteEnterPassword: "Escriba su contraseña para confirmar.",
      deleteTypeEmail: "Escriba la dirección de correo electrónico con la que inicia sesión, tal como aparece.",
    },
    /** Why a password is refused (NIST SP 800-63B: length, common passwords, the address). */
    passwordRules: {
      tooShort: "Use al menos {min} caracteres.",
      tooLong: "Use {max} caracteres como máximo.",
      common: "Esa contraseña es una de las más comunes, así que es fácil de adivinar. Elija otra.",
      repeated: "No use un solo carácter repetido.",
      keyRun: "Una serie de teclas en orden es fácil de adivinar. Elija otra.",
      email: "No use su dirección de correo electrónico en su contraseña.",
    },
    /** A verified mobile number, and how the parent is told a teacher wrote (issue 17). */
    phone: {
      heading: "Mensajes de texto",
      intro: "Agregue su número de celular para recibir un mensaje de texto cuando un maestro le escriba, y para contestar respondiendo a ese mensaje.",
      verifiedNumber: "Su número: {phone} (confirmado).",
      label: "Número de celular",
      hint: "Por ejemplo (555) 123-4567, o +52 55 1234 5678 fuera de los Estados Unidos.",
      sendCode: "Enviarme un código",
      codeSentTo: "Enviamos un código de 6 dígitos al {phone}. Sirve por 10 minutos.",
      codeLabel: "Código de 6 dígitos",
      verify: "Confirmar número",
      codeText: "Family Portal: su codigo es {code}. Sirve por 10 minutos. Si usted no lo pidio, ignore este mensaje.",
      notifyHeading: "Cuando un maestro le escribe",
      notifyIntro: "Si un mensaje sigue sin leer después de {delay}, avísenme por:",
      byEmail: "Correo electrónico",
      byText: "Mensaje de texto",
      byBoth: "Correo electrónico y mensaje de texto",
      byNeither: "No me avisen (veré los mensajes al iniciar sesión)",
      textNeedsPhone: "Para elegir mensajes de texto, primero agregue y confirme su número de celular.",
      saveNotify: "Guardar",
      errors: {
        invalidNumber: "Escriba un número de celular, por ejemplo (555) 123-4567.",
        enterCode: "Escriba el código de 6 dígitos del mensaje de texto.",
        wrongCode: "Ese código no es correcto. Revise el mensaje e intente de nuevo.",
        expired: "Ese código ya venció. Pida uno nuevo.",
        used: "Ese código ya se usó. Pida uno nuevo si lo necesita.",
        tooManyTries: "Demasiados códigos incorrectos. Pida uno nuevo.",
        noCode: "Primero pida un código.",
        tooManyCodes: "Ya le enviamos varios códigos. Espere una hora e intente de nuevo.",
        chooseOne: "Elija una de las opciones.",
        needsPhone: "Para recibir mensajes de texto, primero agregue y confirme su número de celular.",
      },
      notices: {
        codeSent: "Le enviamos un código por mensaje de texto. Escríbalo abajo.",
        verified: "Su número de celular está confirmado.",
        notifySaved: "Guardado: así le avisaremos cuando un maestro le escriba.",
      },
    },
    /** The account emails. */
    emails: {
      reset: {
        subject: "Restablezca su contraseña de Family Portal",
        asked: "Alguien, esperamos que usted, pidió restablecer la contraseña de su cuenta de Family Portal.",
        how: "El enlace funciona una sola vez y durante una hora. Al elegir una contraseña nueva, se cerrará su sesión en todos los dispositivos.",
        notYou: "¿No lo pidió usted? Puede no hacer caso a este correo: su contraseña seguirá igual.",
        button: "Elegir una contraseña nueva",
      },
      googleAccount: {
        subject: "Cómo iniciar sesión en Family Portal",
        asked: "Alguien, esperamos que usted, pidió restablecer la contraseña de su cuenta de Family Portal.",
        noPassword: "Su cuenta no usa contraseña: usted inicia sesión con «Continuar con Google», con la cuenta de Google que eligió al registrarse.",
        notYou: "¿No lo pidió usted? Puede no hacer caso a este correo.",
        button: "Iniciar sesión",
      },
      passwordChanged: {
        subject: "Se cambió su contraseña de Family Portal",
        changed: "Se acaba de cambiar la contraseña de su cuenta de Family Portal en la configuración de la cuenta, y se cerró la sesión en todos los demás dispositivos.",
        notYou: "¿No fue usted? Elija ahora una contraseña nueva con el enlace de arriba y luego avise a la escuela de su hijo o hija.",
        button: "Restablecer su contraseña",
      },
    },
  },

  // ---- home: home, the children's cards, Instant Login, district links
  home: {
    title: "Inicio",
    hello: "Hola, {name}",
    noChildren:
      "Todavía no hay niños conectados a su cuenta. Abra el enlace de la invitación que le envió la escuela de su hijo o hija; si no tiene ninguna, pida al maestro de su hijo o hija que le envíe una invitación.",
    /** After the school's name on a child's card; the grade as the district wrote it. */
    grade: "Grado {grade}",
    /** After onboarding: `names` is already a list ("Maya y Leo"), `count` how many. */
    connected: "¡Le damos la bienvenida! Su cuenta ya está conectada con {names}.",
    notAddedIntro: "Algunos niños no se agregaron:",
    notAddedItem: "{name} ({school}): {reason}.",
    notAddedReasons: {
      used: "esa invitación ya se usó",
      revoked: "la escuela retiró esa invitación",
      disputed: 'esa invitación se marcó como «No es mi hijo ni mi hija»',
      expired: "esa invitación venció",
      unknown: "no se pudo usar esa invitación",
    },
    askForNewInvitation: "Comuníquese con la escuela para pedir una invitación nueva.",
    /** The button on each card and on the Instant Login page. */
    instantLogin: "Inicio de sesión instantáneo",
    /** Read by screen readers after a button's name: "Instant Login for Maya". */
    forChild: "para {name}",
    whatHappens:
      "Su hijo o hija quedará con la sesión iniciada en este dispositivo y usted saldrá de Family Portal, para que su hijo o hija no pueda ver su cuenta. Para volver, inicie sesión otra vez.",
    /** The link to a child's badge page. */
    badge: "Credencial",
    linksHeading: "Enlaces de su distrito",
    /** After a link's text, for screen readers (the link opens a new tab). */
    opensInNewTab: "(se abre en una pestaña nueva)",
    // The public landing page (signed out).
    landingTitle: "Bienvenidos",
    landingIntro:
      "Un solo lugar para ayudar a su hijo o hija a entrar a los programas de la escuela, encontrar los enlaces de su distrito y escribir a los maestros de su hijo o hija.",
    newHere: "¿Es su primera vez aquí?",
    howToStart:
      "Las invitaciones llegan de la escuela de su hijo o hija, por correo electrónico o por mensaje de texto. Abra el enlace de ese mensaje para empezar. Si no ha recibido ninguna, pida al maestro de su hijo o hija que le envíe una invitación.",
    accountDeleted: "Su cuenta fue eliminada. Gracias por usar Family Portal.",
    // The Instant Login page (GET /children/:id/instant-login).
    instantLoginFor: "Inicio de sesión instantáneo para {name}",
    instantLoginExplains: "El inicio de sesión instantáneo abre el portal escolar de {name} en el dispositivo que usted está usando ahora, sin contraseña.",
    handToChild: "Úselo en un dispositivo que pueda darle a su hijo o hija. El portal escolar cierra la sesión de su hijo o hija después de ocho horas.",
    backHome: "Volver al inicio",
    childNotFound: "No encontramos a este estudiante",
    childNotFoundBody: "Este estudiante no está conectado a su cuenta. Si cree que es un error, consulte con la escuela de su hijo o hija.",
  },

  // ---- badges: a child's badge (parent side) and badge login at /badges
  badges: {
    backHome: "← Inicio",
    title: "Credencial de {name}",
    /** The page's heading when there is no badge to show, and the QR code's label: "Badge for Maya Lopez". */
    badgeFor: "Credencial de {name}",
    fresh: "Esta es la primera credencial de {name}. Se acaba de crear.",
    pin: "PIN",
    pinHint: "Su hijo o hija escribe este número después de mostrar la credencial. No lo comparta con nadie más: no aparece en la credencial impresa ni en la descargada.",
    howToUse: "Cómo se usa",
    /** `**…**` is shown in bold. */
    steps: {
      open: "Abra la credencial en su teléfono (guarde la imagen en sus fotos para tenerla siempre a mano).",
      goTo: "En el dispositivo de su hijo o hija, abra el navegador web y vaya a **{address}**.",
      holdUp: "Ponga su teléfono frente a la cámara web con la credencial en la pantalla. Su hijo o hija entra automáticamente.",
    },
    download: "Descargar la imagen de la credencial",
    print: "Imprimir",
    saveHint: 'En un teléfono, abra la imagen descargada y elija "Guardar imagen" o "Guardar en Fotos", para tener la credencial en sus fotos.',
    keepPrivate: "No comparta la credencial: cualquier persona que la muestre a una cámara web entra como {name}. Si se pierde o se comparte, pida una nueva a la escuela; la anterior deja de funcionar de inmediato.",
    // The print page.
    backToBadge: "← Volver a la credencial de {name}",
    printTitle: "Imprimir la credencial de {name}",
    printHow: "Use el comando Imprimir de su navegador (Ctrl+P, ⌘P, o Compartir → Imprimir en un teléfono). Solo se imprime la credencial de abajo.",
    /** Under the code on the printed badge and in the badge image (the image's font has Latin letters and their accents only). */
    showToWebcam: "Muéstrela a la cámara web en {address}",
    // When there is no badge to show.
    notUsed: "En esta escuela, {name} no usa credencial.",
    notUsedWhy: "El distrito escolar decide qué estudiantes usan credenciales. Si tiene preguntas, consulte con la escuela de su hijo o hija.",
    voided: "La escuela desactivó la credencial de {name}, así que ya no funciona.",
    voidedAsk: "Pida una nueva al maestro o a la escuela de {name}. Cuando la hagan, aparecerá aquí.",
    unavailableTitle: "Credenciales no disponibles",
    unavailableHeading: "No podemos mostrar credenciales en este momento",
    unavailableBody: "Falta configurar algo de nuestro lado. Intente más tarde o consulte con la escuela de su hijo o hija.",
    // Badge login at /badges, on the child's device (the child is addressed as "tú", as teachers speak to students).
    loginTitle: "Entra con tu credencial",
    /** The only failure message: nothing about why is revealed. */
    failed: "Esa credencial no funcionó. Pídele una nueva a tu maestro.",
    signedInParent: "Hay un padre o tutor con la sesión iniciada en este dispositivo. Al entrar con una credencial, su sesión se cierra aquí.",
    signedInTeacher: "Hay un maestro con la sesión iniciada en este dispositivo. Al entrar con una credencial, su sesión se cierra aquí.",
    needsJs: "La cámara necesita JavaScript, que está desactivado en este navegador.",
    needsJsWhy: "Igual puedes entrar: elige la imagen de la credencial aquí abajo.",
    needsJsWhat: "O activa JavaScript, o usa otro dispositivo que tenga cámara. Un adulto también puede pedirle al maestro una credencial impresa.",
    cameraView: "Lo que ve la cámara",
    holdUpWhole: "Muestra la credencial a la cámara, con todo el código cuadrado a la vista.",
    retryCamera: "Probar la cámara otra vez",
    noCamera: "¿No hay cámara?",
    chooseLabel: "Elige la imagen de la credencial",
    chooseHint: "Si la imagen de la credencial está guardada en este dispositivo, elígela aquí.",
    /** What static/badge-scanner.js says as it works (the page hands them over in data- attributes). */
    scanner: {
      starting: "Encendiendo la cámara…",
      holdUp: "Muestra la credencial a la cámara.",
      found: "Credencial encontrada. Entrando…",
      notABadge: "Ese código no es una credencial de Family Portal. Muestra la credencial.",
      noCameraApi: "Este navegador no puede usar una cámara en esta página.",
      blocked: "La cámara está bloqueada para esta página.",
      notFound: "No se encontró ninguna cámara.",
      chooseInstead: "Puedes elegir la imagen de la credencial aquí abajo.",
      reading: "Leyendo la imagen…",
      pictureNotABadge: "Esa imagen tiene un código, pero no es una credencial de Family Portal.",
      pictureNoBadge: "No se encontró ninguna credencial en esa imagen. Elige una imagen clara de toda la credencial.",
      pictureUnreadable: "No se pudo leer esa imagen. Elige la imagen de la credencial (un PNG o una foto).",
    },
    /** On /badges after a child's "Sign out". */
    signedOut: "Saliste de la sesión en este dispositivo. Para volver a entrar, muestra tu credencial.",
    /** The upload form that works without JavaScript or a camera: the server reads the picture. */
    picture: {
      limit: "Debe ser un archivo PNG de hasta {size}.",
      submit: "Entrar con esta imagen",
      missing: "Primero elige la imagen de la credencial.",
      noBadge: "No se encontró ninguna credencial en esa imagen. Elige la imagen de la credencial guardada de Family Portal (un archivo PNG).",
      tooLarge: "Esa imagen es demasiado grande. Elige una de {size} o menos: la imagen de la credencial guardada de Family Portal es mucho más pequeña.",
    },
    // The PIN step.
    pinTitle: "Escribe tu PIN",
    pinIntro: "Tu credencial funcionó. Ahora escribe el PIN de 6 dígitos que va con ella.",
    logIn: "Entrar",
    scanAgain: "Escanear otra vez",
    pinMissing: "Escribe el PIN de 6 dígitos.",
    pinWrong: "Ese PIN no coincide. Revísalo e inténtalo otra vez.",
    // Too many tries from one device.
    tooManyTitle: "Demasiados intentos",
    tooMany: "Este dispositivo intentó entrar con una credencial muchas veces en poco tiempo. Espera {wait} e inténtalo otra vez.",
    backToLogin: "Volver a la entrada con credencial",
  },

  // ---- student: the student portal
  student: {
    title: "Enlaces escolares de {name}",
    hi: "¡Hola, {name}!",
    linksLabel: "Los enlaces de tu escuela",
    noLinks: "Tu escuela todavía no ha agregado enlaces aquí.",
    sharedDevice: "En una computadora compartida, cierra la sesión cuando termines.",
  },

  // ---- ideas: Ideas and suggestions
  ideas: {
    title: "Ideas",
    heading: "Ideas para aprender en casa",
    /** `[…](#suggest)` is a link to the form below. */
    intro:
      "Actividades cortas y prácticas para hacer con su hijo o hija esta noche, de organizaciones de confianza. Cada título abre el sitio web de la organización. ¿Conoce una buena? [Sugiera una idea](#suggest).",
    topics: {
      reading: "Lectura",
      math: "Matemáticas",
      science: "Ciencias",
      wellbeing: "Bienestar",
      "digital-life": "Vida digital",
      "study-habits": "Hábitos de estudio",
    },
    grades: {
      "K-2": "Grados K–2",
      "3-5": "Grados 3–5",
      "6-8": "Grados 6–8",
      "9-12": "Grados 9–12",
      all: "Todas las edades",
    },
    filters: "Filtrar ideas",
    topic: "Tema",
    allTopics: "Todos los temas",
    grade: "Grado",
    allGrades: "Todos los grados",
    /** "27 ideas." or, with the children's grade bands, "27 ideas; ideas for your children's grades (K–2, 3–5) come first." */
    countLine: "{count, plural, one {1 idea} other {# ideas}}{bands, select, none {.} other {; primero aparecen las ideas para los grados de sus hijos ({bands}).}}",
    /** On an idea written in another language than the page's: the language's name comes from Intl.DisplayNames. */
    inLanguage: "En {language}",
    noMatch: "Todavía no hay ideas que coincidan.",
    showAll: "Ver todas las ideas",
    suggest: {
      heading: "Sugiera una idea",
      thanks: "¡Gracias! Su sugerencia se envió al equipo de Family Portal. Leemos todas.",
      intro: "¿Encontró un sitio web, una actividad o un hábito que ayuda a su hijo o hija a aprender en casa? Cuéntenos y tal vez lo agreguemos aquí para todas las familias.",
      label: "Su idea",
      hint: "Qué es, y un enlace si lo hay (de {min, number} a {max, number} caracteres).",
      topicLabel: "Tema (opcional)",
      noTopic: "Ningún tema en particular",
      send: "Enviar sugerencia",
      missing: "Escriba su idea.",
      tooShort: "Escriba al menos {min, number} caracteres, para que entendamos la idea.",
      tooLong: "Use menos de {max, number} caracteres.",
      unknownTopic: "Elija un tema de la lista.",
      tooMany: "Usted envió varias sugerencias en la última hora. ¡Gracias! Intente otra vez en {minutes, plural, one {1 minuto} other {# minutos}}.",
    },
  },

  // ---- help: the Help page
  help: {
    title: "Ayuda",
    intro:
      "Respuestas a las preguntas más frecuentes de las familias. Las invitaciones, los niños y las Credenciales los maneja el distrito escolar de su hijo o hija: para todo lo que no esté aquí, comuníquese con la escuela.",
    contents: "Preguntas",
    /**
     * Each question (its key is the section's anchor) and its answer: paragraphs, and a list of
     * steps where the answer has one. `**…**` is bold (a button's or heading's name, as the page
     * shows it); `[text](/path)` is a link.
     */
    questions: {
      "setting-up": {
        q: "¿Cómo creo mi cuenta?",
        a: [
          [
            "La escuela de su hijo o hija le envía una invitación por correo electrónico o por mensaje de texto. Abra el enlace.",
            "Revise la escuela y el nombre de su hijo o hija. Si son correctos, oprima **Sí, es mi hijo o hija**.",
            "Cree su cuenta. Elija **Continuar con Google** (la cuenta de Google no tiene que ser la dirección a la que llegó la invitación) o **Continuar con correo electrónico** y elija una contraseña. Con correo electrónico, le enviamos un mensaje para confirmar su dirección; cuando la confirme, su sesión queda iniciada.",
          ],
          "Use **su propia dirección de correo electrónico personal**, no la dirección de correo escolar de su hijo o hija. La dirección escolar de un estudiante no se puede usar para una cuenta familiar.",
          "¿No tiene invitación? Pida al maestro o a la escuela de su hijo o hija que le envíe una.",
        ],
      },
      "several-children": {
        q: "Tengo más de un hijo. ¿Cómo los conecto a todos?",
        a: [
          "La escuela envía una invitación para cada niño. Abra cada invitación y confirme al niño. Si varias invitaciones llegaron a la misma dirección, le mostramos las demás justo después de la primera, para que las confirme juntas.",
          "Usted confirma su dirección de correo electrónico solo una vez. Si ya tiene una cuenta, inicie sesión cuando se lo pidamos y el niño se agrega a su cuenta.",
        ],
      },
      "missing-child": {
        q: "No veo a todos mis hijos. ¿Quién me puede ayudar?",
        a: [
          "El distrito escolar de su hijo o hija decide qué direcciones se conectan con cada estudiante. Si no recibió una invitación para alguno de sus hijos, comuníquese con la escuela o con la oficina de ayuda del distrito y pídales que envíen una a la dirección que usa aquí.",
        ],
      },
      "several-guardians": {
        q: "¿Dos padres o tutores se pueden conectar con el mismo niño?",
        a: [
          "Sí. Cada padre, madre o tutor necesita su propia dirección de correo electrónico y su propia invitación, y cada uno acepta la invitación que recibió. Si alguno de ustedes no recibió una invitación, pida a la escuela que le envíe una.",
        ],
      },
      "expired-invitation": {
        q: "Mi invitación venció. ¿Puedo recibir una nueva?",
        a: [
          "Sí. Las invitaciones solo funcionan por un tiempo limitado (normalmente dos semanas). Abra el enlace viejo de todos modos: la página dice que la invitación venció y muestra el botón **Envíenme una nueva invitación**. La invitación nueva llega a la misma dirección. Si eso no funciona, comuníquese con la escuela de su hijo o hija.",
        ],
      },
      "change-email": {
        q: "¿Puedo cambiar la dirección de correo electrónico de mi cuenta?",
        a: [
          "No, la dirección de correo electrónico de una cuenta no se puede cambiar. Para usar otra dirección, pida al distrito escolar de su hijo o hija que envíe una invitación nueva para cada niño a esa dirección, y luego cree una cuenta con ella.",
        ],
      },
      "change-name": {
        q: "¿Cómo cambio mi nombre?",
        a: [
          "Seleccione su nombre en la parte de arriba de la página y elija [Configuración de la cuenta](/account). En **Nombre**, escriba el nombre que quiere y oprima **Guardar el nombre**. Los maestros ven este nombre.",
        ],
      },
      "wrong-child": {
        q: "El niño que aparece no es mi hijo ni mi hija. ¿Qué hago?",
        a: [
          "Si la invitación muestra a un niño que no es suyo, oprima **No es mi hijo ni mi hija**. La invitación deja de funcionar y se le avisa a la escuela, para que lo corrija.",
          "Si un niño que no es suyo ya aparece en su página de inicio, no use sus herramientas para entrar. Comuníquese con la escuela de inmediato, dígales su distrito y el nombre del niño, y ellos lo desconectarán.",
        ],
      },
      "forgot-password": {
        q: "Olvidé mi contraseña.",
        a: [
          "Vaya a [¿Olvidó su contraseña?](/forgot-password) (también está en la página para iniciar sesión) y escriba su dirección de correo electrónico. Si su cuenta tiene contraseña, le enviamos por correo un enlace para elegir una nueva; el enlace funciona durante una hora. Si se registró con Google, no tiene contraseña aquí: use **Continuar con Google**.",
        ],
      },
      "instant-login": {
        q: "¿Qué hace el Inicio de sesión instantáneo?",
        a: [
          "La tarjeta de cada niño en su página de inicio tiene un botón de **Inicio de sesión instantáneo**. Abre la página de estudiante de su hijo o hija en el dispositivo que usted está usando, para que pueda abrir los enlaces de su escuela enseguida.",
          "Para proteger su cuenta y la información de sus otros hijos, el Inicio de sesión instantáneo primero **cierra su sesión** de Family Portal en ese dispositivo. Para volver a su cuenta después, inicie sesión otra vez.",
        ],
      },
      badges: {
        q: "¿Qué es una Credencial y cómo la usa mi hijo o hija?",
        a: [
          "Una Credencial es una imagen con un código QR que le permite a su hijo o hija entrar sin escribir nada. Abra **Credencial** en la tarjeta de su hijo o hija y luego guarde la imagen en las fotos de su teléfono o imprímala.",
          [
            "Abra la Credencial en su teléfono.",
            "En el dispositivo de su hijo o hija, abra la página **/badges** de este sitio en el navegador web.",
            "Muestre la Credencial a la cámara. Su hijo o hija entra. ¿No hay cámara? Elija el archivo de imagen de la Credencial.",
          ],
          "No todos los estudiantes tienen Credencial: lo decide el distrito escolar. Si la tarjeta dice que no se usan credenciales, es una decisión de su distrito. No comparta la Credencial, igual que una contraseña; si se pierde o se comparte, pida una nueva al maestro o a la escuela y la anterior deja de funcionar.",
        ],
      },
      "district-links": {
        q: "¿Qué son los enlaces de mi página de inicio?",
        a: [
          "Debajo de las herramientas para entrar, su distrito puede agregar enlaces para las familias, como el calendario escolar o los menús del almuerzo. Abren los sitios web del propio distrito. El distrito elige estos enlaces; si alguno no funciona, avísele a la escuela.",
        ],
      },
      ideas: {
        q: "¿Qué es la pestaña Ideas?",
        a: [
          "Las [Ideas](/ideas) son actividades cortas y prácticas para hacer en casa, elegidas de organizaciones de confianza como bibliotecas, museos y grupos de salud infantil. Puede filtrarlas por tema y grado; cada una abre el sitio web de la organización en una pestaña nueva. ¿Conoce una buena? Use **Sugiera una idea** al final de la página de Ideas.",
        ],
      },
      messages: {
        q: "¿Cómo funcionan los mensajes con los maestros?",
        a: [
          "La pestaña **Mensajes** aparece cuando un maestro le escribe. Usted puede responder en esa conversación, pero no puede empezar una nueva; si falta un maestro, escríbale por correo electrónico y pídale que le escriba aquí.",
          "Los mensajes son solo de texto: no se pueden enviar fotos, videos ni archivos adjuntos.",
          "Si un mensaje sigue sin leer después de tres horas, le enviamos un correo electrónico con un enlace al mensaje. Puede desactivar estos correos (o recibir un mensaje de texto en su lugar) en [Configuración de la cuenta](/account), en **Cuando un maestro le escribe**.",
        ],
      },
    },
    /**
     * The tour for new parents (/tour): one short sentence per step, and each step's picture (a phone
     * screenshot of that step; the text alternative says what it shows, names as in the pictures).
     */
    tour: {
      title: "Cómo funciona Family Portal",
      intro: "Desde la invitación de la escuela hasta su primer mensaje con el maestro, en siete pasos. Las imágenes muestran cada paso en un teléfono.",
      /** The link to the tour, on the welcome page, home and Help. */
      link: "Vea cómo funciona, paso a paso",
      /** Above each step's heading. */
      step: "Paso {n} de {total}",
      steps: {
        invitation: {
          title: "La invitación",
          text: "La escuela de su hijo o hija le envía un correo electrónico o un mensaje de texto. Abra el enlace que trae.",
          alt: "Un correo electrónico de Lakeside Schools que invita a la madre a Family Portal para Maya López, con el botón Aceptar la invitación.",
        },
        confirm: {
          title: "Confirme a su hijo o hija",
          text: "Revise la escuela y el nombre de su hijo o hija. Si son correctos, oprima Sí, es mi hijo o hija.",
          alt: "La página ¿Es su hijo o hija?, con la escuela, Lakeside Elementary, y la estudiante, Maya López, y los botones Sí, es mi hijo o hija y No es mi hijo ni mi hija.",
        },
        account: {
          title: "Cree su cuenta",
          text: "Escriba su nombre, su propio correo electrónico y una contraseña. Le enviamos un correo: ábralo para confirmar su dirección.",
          alt: "La página Cree su cuenta: la estudiante para quien es, y después el formulario, con el nombre de la madre ya escrito.",
        },
        home: {
          title: "Su página de inicio",
          text: "Cada uno de sus hijos tiene aquí una tarjeta, con el Inicio de sesión instantáneo y su Credencial. Abajo están los enlaces de su distrito.",
          alt: "La página de inicio: Hola, Ana López, y la tarjeta de Maya López con los botones Inicio de sesión instantáneo y Credencial, y después Enlaces de su distrito.",
        },
        "instant-login": {
          title: "Inicio de sesión instantáneo",
          text: "Oprima Inicio de sesión instantáneo y pásele el teléfono a su hijo o hija: entra a su portal escolar y usted sale de su cuenta.",
          alt: "El portal del estudiante después del Inicio de sesión instantáneo: ¡Hola, Maya!, el enlace al calendario escolar y el botón Cerrar sesión.",
        },
        badge: {
          title: "La Credencial",
          text: "En otro dispositivo, su hijo o hija puede iniciar sesión mostrando su Credencial a la cámara. Guárdela en sus fotos o imprímala.",
          alt: "La página Credencial de Maya, con un código QR grande.",
        },
        messages: {
          title: "Mensajes con los maestros",
          text: "Cuando un maestro le escribe, aparece Mensajes arriba. Léalo y conteste ahí mismo.",
          alt: "Una conversación con la maestra, Lena Ortiz: su mensaje de que hoy Maya leyó un libro entero, y la respuesta de la madre.",
        },
      },
      /** After the steps. `[…](/help)` is a link. */
      more: "¿Tiene más preguntas? En [Ayuda](/help) respondemos las preguntas más frecuentes de las familias.",
    },
  },

  // ---- messages: the parent's and the teacher's conversations
  messages: {
    title: "Mensajes",
    /** A conversation's page title and the way back to it. */
    threadTitle: "Mensajes con {name}",
    allMessages: "← Todos los mensajes",
    olderConversations: "Conversaciones anteriores",
    youWroteLast: "usted escribió el último mensaje",
    /** After the number of new messages in a conversation list. */
    newCount: "{count, plural, one {# nuevo} other {# nuevos}}",
    textOnlyNote: "Los mensajes son solo de texto: no se pueden enviar fotos, videos ni archivos adjuntos.",
    /** Above the message box; `max` is already formatted ("2,000"). */
    textOnlyHint: "Solo texto: no se pueden enviar fotos, videos ni archivos adjuntos. Puede incluir enlaces. Hasta {max} caracteres.",
    opensInNewTab: "(se abre en una pestaña nueva)",
    you: "Usted",
    earlierMessages: "Mensajes anteriores",
    newestMessages: "Mensajes más recientes",
    liveHint: "Los mensajes nuevos aparecen aquí solos.",
    checkForNew: "Ver si hay mensajes nuevos",
    /** The message box's counter as one types (static/enhance.js puts the number where `n` is). */
    counter: {
      left: "Quedan {n} caracteres",
      one: "Queda 1 carácter",
      over: "{n} caracteres de más",
    },
    aboutWith: "Sobre {child}. Solo usted y {withName} ven esta conversación.",
    notSent: "Su mensaje no se envió. Vea abajo.",
    send: "Enviar",
    /** Shown for a guardian who deleted their account, and for what they had written. */
    formerGuardian: "Tutor anterior",
    removedMessage: "(Este mensaje se borró cuando la persona que lo escribió eliminó su cuenta).",

    // the parent's pages
    parentIntro: "Conversaciones con los maestros de sus hijos. Cada conversación la empieza un maestro; usted puede responder en cualquiera de ellas.",
    parentNone: "Todavía no tiene mensajes. Cuando un maestro de sus hijos le escriba, la conversación aparecerá aquí.",
    aboutChild: "sobre {firstName}",
    unreadEmailsOn: "Si un mensaje sigue sin leer después de {delay}, le enviamos un correo electrónico con un enlace al mensaje.",
    unreadEmailsOff: "Los correos sobre mensajes sin leer están desactivados.",
    changeInAccountSettings: "Cambie esto en Configuración de la cuenta",
    teacherMissing: "¿No ve a uno de los maestros de sus hijos? Los maestros empiezan las conversaciones aquí. Para preguntar, escríbale directamente por correo electrónico.",
    parentEmpty: "Todavía no hay mensajes aquí.",
    replyTo: "Responder a {teacher}",
    teacherTurnedOff: "{teacher} desactivó los mensajes por ahora, así que no puede responder aquí. Todavía puede leer esta conversación. Para comunicarse con {teacher}, llame o escriba a la escuela.",
    teacherLeft: "{teacher} ya no es maestro de {child}, así que no puede responder aquí. Todavía puede leer esta conversación. La escuela le puede decir quién es ahora el maestro de {child}.",
    draftNotSent: "Su mensaje (no enviado)",
    notFound: {
      title: "No encontramos la conversación",
      text: "Esta conversación no es suya o ya no está disponible.",
      back: "Volver a los mensajes",
    },

    // what a message form says when it cannot send
    form: {
      missing: "Escriba su mensaje en el cuadro y luego oprima Enviar.",
      empty: "Su mensaje está vacío. Escriba algo y luego oprima Enviar.",
      /** `max` and `count` are already formatted. */
      tooLong: "Los mensajes pueden tener como máximo {max} caracteres, y este tiene {count}. Acórtelo o envíelo en partes.",
      outOfDate: "Este formulario ya no es válido. Vuelva a cargar la página y envíe su mensaje otra vez.",
      unknownFields: "Este formulario tenía campos que no conocemos. Vuelva a cargar la página e inténtelo otra vez.",
      /** After a 429; `when` is one of tryAgainIn's. */
      tooMany: "Usted envió muchos mensajes en poco tiempo, así que este no se envió. Inténtelo otra vez {when}. Lo que escribió sigue aquí.",
      tryAgainInSeconds: "{s, plural, one {en # segundo} other {en # segundos}}",
      tryAgainInMinutes: "{m, plural, =1 {en un minuto} other {en # minutos}}",
      tryAgainInHours: "{h, plural, =1 {en una hora} other {en # horas}}",
    },

    // the unread-message email (it never includes the message itself)
    unreadEmail: {
      subject: "Mensaje sin leer de {writer} sobre {child}",
      waiting: "{writer} le envió un mensaje sobre {child} en Family Portal, y lleva {delay} sin leer.",
      privacy: "Para proteger su privacidad, este correo no incluye el mensaje.",
      openToRead: "Para proteger su privacidad, este correo no incluye el mensaje. Abra la conversación para leerlo y responder:",
      button: "Leer y responder",
      /** Each ends with ":" before the link in the text email (a "." in HTML). */
      turnOffParent: "Usted recibe un correo como este cuando un mensaje queda sin leer por un tiempo. Puede desactivar estos correos en Configuración de la cuenta:",
      turnOffTeacher: "Usted recibe un correo como este cuando el mensaje de una familia queda sin leer por un tiempo. Puede desactivar estos correos en Configuración:",
      parentSettings: "Configuración de la cuenta",
      teacherSettings: "Configuración",
      footer: "Family Portal",
    },
    // texts (SMS): the unread notice, replies by text, STOP/START/HELP (src/sms/). Short: every character costs.
    sms: {
      notice: "Family Portal: nuevo mensaje de {writer} sobre {child}.",
      preview: "\"{start}\"",
      // Every character in the GSM alphabet (é is, í is not): the text then fits two SMS with room for the names.
      replyHint: "Responda a este mensaje para contestar, o léalo en:",
      choose: "Family Portal: no supimos a qué conversación iba su mensaje, así que no se envió. Abra sus mensajes para contestar:",
      notSent: "Family Portal: su mensaje no se pudo enviar al maestro. Abra la conversación para ver por qué:",
      stopped: "Family Portal: ya no le enviaremos mensajes de texto. Envíe START para recibirlos de nuevo.",
      started: "Family Portal: le enviaremos mensajes de texto de nuevo. Envíe ALTO para dejar de recibirlos.",
      help: "Family Portal envía mensajes sobre lo que le escriben los maestros de su hijo. Envíe ALTO para dejar de recibirlos. Ayuda:",
      byText: "por mensaje de texto",
    },
    // automatic translation of the other side's messages (src/messaging/translate-page.ts)
    translation: {
      mark: "Traducido automáticamente",
      showOriginal: "Ver el original ({language})",
      failed: "No pudimos traducir este mensaje en este momento, así que se muestra tal como se escribió. Lo intentaremos otra vez la próxima vez que abra la conversación.",
      asWritten: "Los mensajes se muestran tal como se escribieron: la traducción automática no está disponible en este portal.",
    },
    /** The conversation lists: one line of the newest message. */
    list: {
      yours: "Usted: {text}",
    },
  },

  // ---- teacher: teacher sign-in, classes, class badges, settings, starting conversations
  teacher: {
    // automatic translation: the family's language on a conversation, and the setting to turn it off
    translation: {
      familyLanguage: "Idioma de la familia: {language}",
      settingsTitle: "Traducción de los mensajes de las familias",
      on: "Activada: el mensaje de una familia en otro idioma se muestra traducido al suyo, y puede ver el original con un toque.",
      off: "Desactivada: los mensajes de las familias se muestran tal como se escribieron.",
      hint: "Las familias siempre reciben sus mensajes en su propio idioma, elija lo que elija aquí.",
      turnOn: "Activar la traducción",
      turnOff: "Desactivar la traducción",
      doneOn: "Ahora los mensajes de las familias en otros idiomas se muestran traducidos.",
      doneOff: "Ahora los mensajes de las familias se muestran tal como se escribieron.",
      choose: "Elija si la traducción está activada o desactivada.",
    },
    // sign-in: the page, the link's page, and the email
    signIn: {
      title: "Inicio de sesión para maestros",
      withGoogle: "Con Google",
      googleHint: "Use la cuenta de Google del correo electrónico que su escuela tiene en su lista.",
      googleButton: "Iniciar sesión con Google",
      googleOff: "El inicio de sesión con Google no está configurado en este servidor. Use un enlace por correo electrónico, abajo.",
      withLink: "Con un enlace por correo electrónico",
      emailLabel: "Su correo electrónico de la escuela",
      emailHint: "El correo que está en la lista de su escuela. Le enviaremos un enlace que inicia su sesión una sola vez, dentro de 15 minutos.",
      emailButton: "Enviarme un enlace para iniciar sesión",
      emailInvalid: "Escriba el correo electrónico que su escuela tiene en su lista, por ejemplo nombre@escuela.org.",
      signedInAsParent: "En este dispositivo tiene una sesión abierta como padre o madre. Si inicia sesión como maestro, esa sesión se cierra aquí.",
      signedInAsStudent: "En este dispositivo tiene una sesión abierta como estudiante. Si inicia sesión como maestro, esa sesión se cierra aquí.",
      sent: "Si ese correo es de un maestro que está en una lista, le enviamos un enlace. Revise su bandeja de entrada (y la carpeta de correo no deseado): el enlace funciona una sola vez, dentro de 15 minutos.",
      parentQuestion: "¿Es padre, madre o tutor?",
      parentLink: "Inicie sesión aquí",
      tooManyTitle: "Espere un poco, por favor",
      tooMany: "{minutes, plural, one {Hace poco se pidieron varios enlaces para este correo. Para proteger la bandeja de entrada, espere unos # minuto y vuelva a pedirlo, o use el enlace más reciente que ya tiene.} other {Hace poco se pidieron varios enlaces para este correo. Para proteger la bandeja de entrada, espere unos # minutos y vuelva a pedirlo, o use el enlace más reciente que ya tiene.}}",
      choiceTitle: "Iniciar sesión en Family Portal",
      /** Before the teacher's name (in bold), then ", district." */
      signingInAs: "Va a iniciar sesión como",
      signInButton: "Iniciar sesión",
      severalDistricts: "Su correo está en la lista de más de un distrito escolar. ¿En cuál quiere iniciar sesión?",
      districtAs: "{district} (como {name})",
      chooseDistrict: "Elija el distrito en el que quiere iniciar sesión.",
      expiredTitle: "Este enlace para iniciar sesión ya no funciona",
      expired: "Los enlaces para iniciar sesión funcionan una sola vez, dentro de 15 minutos. Este ya se usó o ya venció. Pida uno nuevo abajo.",
      googleRefusedTitle: "No pudimos iniciar su sesión con Google",
      googleRefused:
        "Use la cuenta de Google del correo electrónico que su escuela tiene en su lista, o pida un enlace por correo electrónico. Si esto sigue pasando, comuníquese con la oficina de su distrito.",
    },
    signInEmail: {
      subject: "Su enlace para iniciar sesión en Family Portal",
      hello: "Hola, {name}:",
      someone: "Alguien, probablemente usted, pidió iniciar sesión en Family Portal como maestro con este correo electrónico.",
      signIn: "Iniciar sesión:",
      button: "Iniciar sesión en Family Portal",
      /** `until` is a time with its zone, e.g. "3:20 PM EST". */
      rules: "El enlace funciona una sola vez y solo durante 15 minutos (hasta las {until}). Si ya venció, pida uno nuevo en la página para iniciar sesión.",
      /** `list` is already a list ("North, and South"). */
      severalDistricts: "Su correo está en la lista de {count} distritos escolares ({list}). Después de abrir el enlace, elija en cuál quiere iniciar sesión.",
      ignore: "¿No pidió esto? Puede ignorar este correo: nadie puede iniciar sesión sin el enlace.",
    },

    // classes: the landing page and a class's page
    classes: {
      title: "Mis clases",
      signedInAs: "Sesión iniciada como {name}.",
      allClasses: "← Todas mis clases",
      none: "Todavía no tiene clases en la lista. Su distrito las agrega desde su sistema de información estudiantil.",
      footnote:
        "Los tutores conectados aceptaron una invitación y confirmaron al estudiante. Las invitaciones se envían a los contactos que su distrito tiene registrados; si una fue retirada o disputada, le toca al distrito resolverlo.",
      schoolAndCount: "{count, plural, one {{school} · # estudiante} other {{school} · # estudiantes}}",
      messageAll: "Escribir a todas las familias",
      messageAllLabel: "Escribir a todas las familias de {section}",
      badges: "Credenciales:",
      voidOrNew: "Anular o crear credenciales nuevas",
      voidOrNewLabel: "Anular o crear credenciales nuevas para {section}",
      printBadges: "Imprimir credenciales",
      printBadgesLabel: "Imprimir credenciales de {section}",
      noStudents: "Todavía no hay estudiantes inscritos en esta clase.",
      student: "Estudiante",
      connectedGuardians: "Tutores conectados",
      contactsAndInvitations: "Contactos registrados e invitaciones",
      contacts: "Contactos",
      grade: "grado {grade}",
      messageFamily: "Escribir a la familia",
      messageFamilyLabel: "Escribir a la familia: {guardian}, sobre {student}",
      /** Beside a family whose reply the teacher has not read yet (a link to the conversation). */
      unread: {
        newReply: "Respuesta nueva",
        newReplyLabel: "Respuesta nueva de {guardian}, sobre {student}",
      },
      noneYet: "Ninguno todavía",
      noContacts: "No hay contactos registrados (los agrega el distrito)",
      /** The family's language, named in the teacher's language ("Spanish"). */
      language: "Idioma: {name}",
      status: {
        notInvited: "Sin invitación todavía",
        pending: "Pendiente (el enlace funciona hasta el {date})",
        expired: "Venció el {date}",
        accepted: "Aceptada",
        revoked: "Retirada por el distrito",
        disputed: 'Disputada ("no es mi hijo")',
      },
      send: "Enviar invitación",
      sendAgain: "Enviar otra vez",
      sendNew: "Enviar una invitación nueva",
      sendLabel: "{label} a {contact} para {student}",
      notice: {
        thisContact: "este contacto",
        theStudent: "el estudiante",
        resent: "Se está enviando una invitación nueva a {contact} para {student}. Los enlaces enviados antes ya no funcionan.",
        created: "Se está enviando una invitación a {contact} para {student}.",
        accepted: "{contact} ya aceptó la invitación para {student}: no hay nada que enviar.",
        revoked: "El distrito retiró la invitación a {contact} para {student}, así que no se puede enviar otra vez desde aquí. Consulte con la oficina de su distrito.",
        disputed: "{contact} dijo que {student} no es su hijo, así que no se envió nada. Primero el distrito tiene que revisar este contacto; avise a la oficina de su distrito.",
        alreadyPending: "Ya se está enviando otra invitación a {contact} para {student}; su estado aparece abajo.",
        rateLimited: "Usted envió muchas invitaciones en poco tiempo, así que esta no se envió. Inténtelo otra vez en un rato.",
      },
      notFound: {
        title: "No encontramos la clase",
        text: "Esta clase no es suya o ya no está en la lista.",
        back: "Volver a mis clases",
      },
    },

    // a class's badges and the printable label sheet
    badges: {
      title: "Credenciales · {section}",
      notFoundTitle: "No encontrado",
      summary: "{total, plural, one {{school} · {using} de # estudiante usa credenciales} other {{school} · {using} de # estudiantes usan credenciales}}",
      theStudent: "El estudiante",
      notice: {
        regenerated: "{student} tiene una credencial nueva. La anterior ya no funciona; imprima o comparta la nueva.",
        voided: "La credencial de {student} ya no funciona.",
        classRegenerated: "{count, plural, one {Credencial nueva para # estudiante. Las anteriores ya no funcionan; imprima la hoja de abajo.} other {Credenciales nuevas para # estudiantes. Las anteriores ya no funcionan; imprima la hoja de abajo.}}",
        classRegeneratedSome: "Credenciales nuevas para los estudiantes. Las anteriores ya no funcionan; imprima la hoja de abajo.",
        noBadge: "{student} no tiene una credencial en uso, así que no había nada que anular.",
        badgesOff: "Las credenciales están desactivadas para {student}. Su distrito decide quién usa credenciales.",
        classNone: "Ningún estudiante de esta clase usa credenciales, así que no se creó ninguna.",
        unavailable: "Ahora no se pueden crear credenciales: falta configurar algo de nuestro lado. Avise a la oficina de su distrito.",
      },
      printBadges: "Imprimir credenciales",
      student: "Estudiante",
      badge: "Credencial",
      pin: "PIN",
      change: "Cambiar",
      off: "Credenciales desactivadas (lo decide el distrito)",
      noneYet: "Sin credencial todavía",
      inUseSince: "En uso desde el {date}",
      newBadge: "Credencial nueva",
      makeBadge: "Crear una credencial",
      actionFor: "{action} para {student}",
      void: "Anular",
      voidLabel: "Anular la credencial de {student}",
      wholeClassTitle: "Credenciales nuevas para toda la clase",
      wholeClass:
        "Todas las credenciales de esta clase dejan de funcionar a la vez y cada estudiante que usa credenciales recibe una nueva. Hágalo si las credenciales se pudieron haber compartido o perdido.",
      makeNew: "{count, plural, one {Crear # credencial nueva} other {Crear # credenciales nuevas}}",
      footnote:
        "Una credencial inicia la sesión de un estudiante cuando se muestra a la cámara web en la página de credenciales. Al anularla o crear una nueva, la credencial anterior deja de funcionar enseguida, en papel y en los teléfonos de los padres.",
      pinsNote: "Su distrito también pide el PIN de cada estudiante después de escanear la credencial; los PIN no se imprimen en las etiquetas.",
      sheetTitle: "Etiquetas de credenciales · {section}",
      printHint: "Use el comando Imprimir de su navegador (Ctrl+P o ⌘P). Cada credencial se imprime como una etiqueta cuadrada de 2 pulgadas; los estudiantes muestran la suya a la cámara web en {loginAt}.",
      noneInUse: "Ningún estudiante de esta clase tiene una credencial en uso.",
      labels: "Etiquetas de credenciales",
      noBadgeTitle: "Sin credencial",
      noBadge: "{student}: sin credencial",
      noBadgeOff: "{student}: sin credencial (las credenciales están desactivadas para este estudiante)",
      /** The QR code's text alternative. */
      qrAlt: "Credencial de {student}",
      /** The pages that ask before a badge stops working (issue 14: nothing destructive in one tap). */
      confirm: {
        voidTitle: "¿Anular la credencial de {student}?",
        voidWhat: "La credencial de {first} deja de funcionar de inmediato: ni la credencial impresa ni la imagen de la credencial en el teléfono de la familia sirven para entrar. Quien haya entrado con ella en un dispositivo de la escuela sale de la sesión.",
        voidAfter: "{first} no podrá entrar con una credencial hasta que usted cree una nueva.",
        voidButton: "Anular la credencial",
        newTitle: "¿Crear una credencial nueva para {student}?",
        newWhat: "La credencial que {first} usa ahora deja de funcionar de inmediato: ni la credencial impresa ni la imagen de la credencial en el teléfono de la familia sirven para entrar. Quien haya entrado con ella en un dispositivo de la escuela sale de la sesión.",
        newAfter: "La familia ve la credencial nueva en Family Portal; imprímala otra vez para la escuela.",
        newButton: "Crear una credencial nueva",
        classTitle: "¿Crear credenciales nuevas para {section}?",
        classWhat: "{count, plural, =0 {Ahora no hay ninguna credencial en uso en esta clase, así que nada deja de funcionar.} one {La credencial en uso en esta clase deja de funcionar de inmediato: ni la credencial impresa ni la imagen en el teléfono de la familia sirven para entrar. Un estudiante que haya entrado con ella en un dispositivo de la escuela sale de la sesión.} other {Las # credenciales en uso en esta clase dejan de funcionar de inmediato: ni las credenciales impresas ni las imágenes en los teléfonos de las familias sirven para entrar. Los estudiantes que hayan entrado con ellas en dispositivos de la escuela salen de la sesión.}}",
        classAfter: "{count, plural, one {# estudiante que usa credenciales recibe una nueva: imprima la hoja nueva; la familia la ve en Family Portal.} other {# estudiantes que usan credenciales reciben una nueva: imprima la hoja nueva; las familias las ven en Family Portal.}}",
        cancel: "Cancelar",
      },
    },

    // messages: the teacher's list, a conversation, a new message, a whole class
    messages: {
      offNoReplies: "Sus mensajes están desactivados, así que las familias no pueden responder y usted no puede empezar conversaciones nuevas.",
      offCantStart: "Sus mensajes están desactivados, así que no puede empezar conversaciones nuevas.",
      offGuardianCantReply: "Sus mensajes están desactivados, así que {guardian} puede leer esta conversación pero no puede responder.",
      turnOnInSettings: "Actívelos en Configuración",
      sentAll: "{count, plural, one {Enviado a # familia. Cada familia tiene su propia conversación con usted, abajo.} other {Enviado a # familias. Cada familia tiene su propia conversación con usted, abajo.}}",
      sentSome: "Enviado a {sent} de {total} familias. {failed} no se pudieron enviar; inténtelo otra vez en un momento.",
      /** "No conversations yet. Start one from" + a link to My classes + the rest. */
      noneBefore: "Todavía no hay conversaciones. Empiece una desde",
      noneLink: "Mis clases",
      noneAfter: ': "Escribir a la familia", junto a un tutor conectado, o "Escribir a todas las familias" para toda una clase.',
      aboutStudent: "sobre {name}",
      noLongerConnected: "ya no está conectado",
      empty: "Todavía no hay mensajes aquí. Escriba el primero abajo.",
      writeTo: "Escribir a {guardian}",
      disconnected: "{guardian} ya no está conectado con {child} en Family Portal, así que aquí ya no se pueden enviar mensajes nuevos.",
      refusedDisconnected: "{guardian} ya no está conectado con {child}, así que esto no se puede enviar.",
      newTitle: "Escribir a {guardian}",
      backToClasses: "← Mis clases",
      newAbout: "Sobre {child}. Así empieza una conversación que solo ven usted y {guardian}; le pueden responder aquí.",
      yourMessage: "Su mensaje",
      couldNotSend: "Su mensaje no se pudo enviar en este momento. Inténtelo otra vez en un momento.",
      broadcastTitle: "Escribir a todas las familias de {section}",
      noFamilies: "Todavía no hay familias de esta clase conectadas a Family Portal. Cuando un tutor acepte su invitación, podrá escribirle aquí.",
      noOneToSend: "Todavía no hay familias de esta clase conectadas, así que no hay a quién enviarlo.",
      goesTo: "Esto se envía a {guardians, plural, one {# tutor} other {# tutores}} de {students, plural, one {# estudiante} other {# estudiantes}}.",
      eachOwn: "Cada familia lo recibe en su propia conversación con usted: ninguna familia ve los mensajes ni las respuestas de otra.",
      whoGetsIt: "Quién lo recibe",
      recipient: "{guardian} (sobre {child})",
      sendTo: "{count, plural, one {Enviar a # familia} other {Enviar a # familias}}",
      familyNotFound: {
        title: "No encontramos a la familia",
        text: "Este tutor no está conectado con uno de sus estudiantes, o el estudiante no está en una de sus clases.",
        back: "Volver a mis clases",
      },
    },

    // settings: Messages on/off, the name families see, unread-message emails, language
    settings: {
      title: "Configuración",
      checkForm: "Revise el formulario de abajo.",
      messagesTitle: "Mensajes",
      messagesOn: "Los mensajes están activados: puede escribir a las familias de sus estudiantes, y ellas le pueden responder.",
      messagesOff: "Los mensajes están desactivados: las familias pueden leer las conversaciones anteriores pero no pueden responder, y usted no puede empezar conversaciones nuevas.",
      turnMessagesOn: "Activar los mensajes",
      turnMessagesOff: "Desactivar los mensajes",
      nameTitle: "El nombre que ven las familias",
      nameLabel: "Su nombre en los mensajes",
      nameHint: "Por ejemplo, \"Sra. Rivera\". Déjelo vacío para usar su nombre de la lista: {rosterName}.",
      saveName: "Guardar el nombre",
      emailsTitle: "Correos sobre mensajes sin leer",
      emailsOn: "Activados: cuando el mensaje de una familia sigue sin leer después de {delay}, usted recibe un correo con un enlace a la conversación (nunca el mensaje).",
      emailsOff: "Desactivados: usted ve los mensajes nuevos cuando abre Mensajes, y no recibe correos sobre ellos.",
      turnEmailsOn: "Activar los correos sobre mensajes sin leer",
      turnEmailsOff: "Desactivar los correos sobre mensajes sin leer",
      languageTitle: "Idioma",
      languageHint: "El idioma de sus páginas y de los correos que Family Portal le envía.",
      saveLanguage: "Guardar el idioma",
      done: {
        messagesOn: "Los mensajes están activados. Puede escribir a las familias, y ellas le pueden responder.",
        messagesOff: "Los mensajes están desactivados. Las familias no pueden responder y usted no puede empezar conversaciones nuevas, hasta que los vuelva a activar.",
        name: "Guardado. Las familias ven este nombre en sus mensajes.",
        notificationsOn: "Recibirá un correo cuando el mensaje de una familia siga sin leer por un tiempo.",
        notificationsOff: "No recibirá correos sobre mensajes sin leer.",
        /** Said in the language just chosen. */
        language: "Guardado. Sus páginas y correos ahora están en español.",
      },
      errors: {
        chooseMessages: "Elija si los mensajes están activados o desactivados.",
        chooseEmails: "Elija si los correos sobre mensajes sin leer están activados o desactivados.",
        nameMissing: "Escriba un nombre, o deje el cuadro vacío.",
        nameTooLong: "Use como máximo 200 caracteres.",
        chooseLanguage: "Elija uno de los idiomas de la lista.",
        unknownFields: "Este formulario tenía campos que no conocemos. Vuelva a cargar la página e inténtelo otra vez.",
      },
    },
  },

  // ---- invitations: what districts send families (invitations, renewals, reminders) and the district-facing words
  invitations: {
    /** The email's subject; `child` is the first name and last initial ("Maya J."). */
    subject: "{district}: únase a Family Portal para {child} en {school}",
    /** The whole text message. */
    sms: "{district}: únase a Family Portal para {firstName} en {school}: {link}",
    invites: "{district} le invita a Family Portal para {fullName} en {school}.",
    about: "Family Portal es un solo lugar para ayudar a {firstName} a iniciar sesión en la escuela, encontrar los enlaces del distrito y escribir a los maestros de {firstName}.",
    accept: "Aceptar la invitación",
    /** `date` and `time` are already formatted in this language and the district's time zone. */
    singleUse: "Este enlace es solo para usted y funciona una vez. Vence el {date} {hour, plural, =1 {a la} other {a las}} {time}; después puede pedir uno nuevo en la misma página.",
    /** `button`: the invitation page's own words for it (onboarding.notMyChild). */
    notYourChild: "¿No es su hijo o hija? Abra el enlace y elija «{button}»: la invitación deja de funcionar y se le avisa a {district}. O comuníquese con {school}.",
    sentBy: "Enviado por {district} a través de Family Portal.",
    /** Before the same message in English, when the family's language has no catalog of its own. */
    englishBelow: "El mismo mensaje en inglés:",
    reminder: {
      subject: "Recordatorio: {subject}",
      note: "Recordatorio: esta invitación vence en menos de un día. Aquí tiene un enlace nuevo; los enlaces anteriores ya no funcionan.",
      sms: "Recordatorio, vence mañana: {text}",
    },
  },

  // ---- errors: error pages and refusals (404, 405, 410, 413, 429, 500, cross-site forms)
  errors: {
    /** The link at the end of every error page. */
    home: "Ir a la página de inicio",
    notFound: {
      title: "Página no encontrada",
      text: "No hay ninguna página en esta dirección. Es posible que el enlace sea antiguo o tenga un error.",
    },
    /** The CSRF refusal (403). */
    crossSite: {
      title: "Formulario rechazado",
      text: "Este formulario se envió desde otro sitio, por eso fue rechazado. Regrese, vuelva a cargar la página e inténtelo de nuevo.",
    },
    /** 413: `size` is the limit, already formatted ("64 KB"). */
    tooLarge: {
      title: "Formulario demasiado grande",
      text: "Este formulario es demasiado grande para enviarlo (más de {size}). Regrese, acorte lo que escribió e inténtelo de nuevo.",
    },
    /** 400: a form body that cannot be parsed. */
    unreadable: {
      title: "No se pudo leer el formulario",
      text: "No se pudo leer este formulario. Regrese, vuelva a cargar la página e inténtelo de nuevo.",
    },
    /** 405: an address asked with a method it does not take (a form sent to a page that only shows). */
    methodNotAllowed: {
      title: "Esta página no puede hacer eso",
      text: "Esta página no puede recibir lo que se le envió. Es posible que el enlace o el formulario sean antiguos. Regrese, vuelva a cargar la página e inténtelo de nuevo.",
    },
    /** 410: something that existed and is no longer there. */
    gone: {
      title: "Ya no está disponible",
      text: "Lo que buscaba con este enlace ya no está disponible. Pida un enlace nuevo o empiece desde la página de inicio.",
    },
    /** 429: too many requests in a short time. */
    tooMany: {
      title: "Espere un poco, por favor",
      text: "Hubo demasiados intentos en poco tiempo. Espere unos minutos e inténtelo de nuevo.",
    },
    serverError: {
      title: "Algo salió mal",
      text: "Algo salió mal de nuestra parte. Inténtelo de nuevo en unos minutos.",
    },
  },

  // ---- common: words used across areas (kept small; an area's own words stay in its section)
  common: {
    /** In every email, before the button's link written out. */
    orOpenThisLink: "O abra este enlace:",
    continueWithGoogle: "Continuar con Google",
    googleNotSetUp: "El inicio de sesión con Google no está disponible en este Family Portal. Use su dirección de correo electrónico.",
    /** Durations ("45 seconds", "a minute", "3 hours"): how long to wait, how long until an email. */
    seconds: "{count, plural, one {# segundo} other {# segundos}}",
    aMinute: "un minuto",
    minutes: "{count, plural, one {# minuto} other {# minutos}}",
    hours: "{count, plural, one {# hora} other {# horas}}",
    /** A form that sent fields the page never had (an old page, or a forged form). */
    unknownFields: "Este formulario tenía campos que no conocemos. Vuelva a cargar la página e intente de nuevo.",
  },
} satisfies CatalogSource;
