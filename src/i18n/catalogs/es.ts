/**
 * Español, as US schools write to families: usted, plain words. Clever's own Spanish help names
 * Instant Login "Inicio de sesión instantáneo" and Badge "Credencial"; we use the same words.
 */
import type { Catalog, Dir } from "../catalog";
import { plural } from "../plural";

const n = plural("es");

export default {
  meta: {
    tag: "es",
    name: "Español",
    dir: "ltr" as Dir,
  },

  // ---- the page shell, navigation and language switcher
  layout: {
    siteName: "Family Portal",
    titleSuffix: (title: string) => `${title} · Family Portal`,
    skipToContent: "Ir al contenido",
    mainNavigation: "Principal",
    signIn: "Iniciar sesión",
    signOut: "Cerrar sesión",
    help: "Ayuda",
    home: "Inicio",
    messages: "Mensajes",
    /** After the number shown in the Messages tab, for screen readers. */
    unreadConversations: (count: number) => n(count, { one: "conversación sin leer", other: "conversaciones sin leer" }),
    ideas: "Ideas",
    accountSettings: "Configuración de la cuenta",
    myClasses: "Mis clases",
    settings: "Configuración",
    languageSwitcher: "Idioma",
    switchTo: (name: string) => `Ver esta página en ${name}`,
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
    childAtSchool: (child: string, school: string) => `${child}, ${school}`,
    yesMyChild: "Sí, es mi hijo o hija",
    notMyChild: "No es mi hijo ni mi hija",
    signIn: "Iniciar sesión",
    confirm: {
      heading: "¿Es su hijo o hija?",
      invitedBy: (district: string) => `${district} le invitó a Family Portal. Revise la escuela y el nombre de su hijo o hija.`,
      alreadySaid: "Usted ya dijo que es su hijo o hija.",
      continue: "Continuar",
      ifWrong: "Si el nombre no es correcto, elija «No es mi hijo ni mi hija». La invitación dejará de funcionar y se avisará a la escuela para que lo corrija.",
    },
    siblings: {
      /** `names`: already joined as a list ("Maya Johnson and Leo Johnson"). */
      youConfirmed: (names: string) => `Usted confirmó a ${names}.`,
      heading: (child: string, school: string) => `También tiene una invitación para ${child} en ${school}`,
      allAtOnce: "Responder a todas a la vez",
      moreInvitations: (count: number) => n(count, { one: `Tiene ${count} invitación más:`, other: `Tiene ${count} invitaciones más:` }),
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
      tooOld: (child: string, school: string) => `Su invitación para ${child} en ${school} ya no se puede usar porque venció. Podemos enviarle una nueva.`,
      sendFresh: "Envíenme una nueva invitación",
      /** `masked`: the address on file, partly hidden ("jo•••@example.com"). */
      sameEmail: (masked: string) =>
        `Se envía al mismo correo electrónico que la escuela tiene registrado (${masked}). Para usar otra dirección, pídalo a la escuela de su hijo o hija.`,
      samePhone: (masked: string) =>
        `Se envía al mismo número de teléfono que la escuela tiene registrado (${masked}). Para usar otro número, pídalo a la escuela de su hijo o hija.`,
      notYourChild: "¿No es su hijo ni su hija? Comuníquese con la escuela.",
    },
    renewal: {
      sentHeading: "Le enviamos una nueva invitación",
      sentEmail: (masked: string) => `Revise su correo electrónico (${masked}) y abra la invitación más reciente. El enlace anterior sigue vencido.`,
      sentSms: (masked: string) => `Revise sus mensajes de texto (${masked}) y abra la invitación más reciente. El enlace anterior sigue vencido.`,
      supersededHeading: "Ya le enviamos una invitación más reciente",
      superseded: "Ya se le envió una invitación más reciente para este estudiante. Busque el mensaje más reciente de la escuela y abra su enlace.",
      limitedHeading: "Por favor, espere un poco",
      /** `wait`: "45 seconds", "12 minutes" (common.wait). */
      limited: (wait: string) =>
        `Usted pidió varias invitaciones nuevas en la última hora. Vuelva a intentarlo en unos ${wait}, o comuníquese con la escuela de su hijo o hija.`,
      notExpiredHeading: "No pudimos enviar una nueva invitación",
      notExpired: "Esta invitación ya no se puede renovar. Comuníquese con la escuela de su hijo o hija.",
    },
    disputed: {
      heading: "Gracias. Se avisó a la escuela.",
      /** `school`: null when the school is not known. */
      body: (school: string | null) =>
        `Esta invitación ya no funciona. ${school ?? "La escuela"} puede ver que usted dijo que no es su hijo ni su hija, para que lo corrija.`,
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
    addToAccount: {
      heading: "Agregar a su cuenta",
      signedInAs: (email: string) => `Usted inició sesión como ${email}.`,
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
      limited: (wait: string) => `Enviamos varios enlaces a esa dirección hace poco. Espere unos ${wait} y busque en su carpeta de correo no deseado.`,
      email: "Su correo electrónico",
      submit: "Enviar el enlace",
    },
    /** Messages of the sign-up and confirmation forms. */
    errors: {
      enterName: "Escriba su nombre.",
      enterEmail: "Escriba una dirección de correo electrónico como nombre@ejemplo.com.",
      studentAddress: "Esta es la dirección escolar de un estudiante. Use su propio correo electrónico personal.",
      wrongAttemptPassword: "Esa no es la contraseña que se eligió para este registro. Escríbala de nuevo.",
      tooManyTries: (wait: string) => `Demasiados intentos. Espere ${wait}, o regístrese de nuevo.`,
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
      body: (wait: string) => `Para proteger las cuentas, el inicio de sesión está en pausa para esta dirección. Espere unos ${wait} e intente de nuevo.`,
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
    notifications: {
      heading: "Correos sobre mensajes",
      /** `delay`: "3 hours" (common.hours, common.minutes). */
      label: (delay: string) => `Enviarme un correo electrónico cuando un mensaje de un maestro siga sin leer después de ${delay}`,
      save: "Guardar",
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
      signOut: (device: string) => `Cerrar la sesión en ${device}`,
      signOutOthers: "Cerrar la sesión en todos los demás",
      nowhereElse: "No tiene la sesión iniciada en ningún otro lugar.",
      dontRecognise: "¿No reconoce un dispositivo? Cierre la sesión en él y luego cambie su contraseña.",
      unknownDevice: "Dispositivo desconocido",
      /** "Chrome on Android": browser and system names stay as they are. */
      browserOn: (browser: string, system: string) => `${browser} en ${system}`,
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
      typeEmailHint: (email: string) => `Usted inicia sesión con Google. Escriba ${email} para confirmar.`,
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
      tooLong: (max: number) => `Use ${max} caracteres como máximo.`,
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
      tooShort: (min: number) => `Use al menos ${min} caracteres.`,
      tooLong: (max: number) => `Use ${max} caracteres como máximo.`,
      common: "Esa contraseña es una de las más comunes, así que es fácil de adivinar. Elija otra.",
      repeated: "No use un solo carácter repetido.",
      keyRun: "Una serie de teclas en orden es fácil de adivinar. Elija otra.",
      email: "No use su dirección de correo electrónico en su contraseña.",
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
  home: {},

  // ---- badges: a child's badge (parent side) and badge login at /badges
  badges: {},

  // ---- student: the student portal
  student: {},

  // ---- ideas: Ideas and suggestions
  ideas: {},

  // ---- help: the Help page
  help: {},

  // ---- messages: the parent's and the teacher's conversations
  messages: {},

  // ---- teacher: teacher sign-in, classes, class badges, settings, starting conversations
  teacher: {},

  // ---- invitations: what districts send families (invitations, renewals, reminders) and the district-facing words
  invitations: {},

  // ---- errors: error pages and refusals (404, 405, 410, 413, 429, 500, cross-site forms)
  errors: {},

  // ---- common: words used across areas (kept small; an area's own words stay in its section)
  common: {
    /** In every email, before the button's link written out. */
    orOpenThisLink: "O abra este enlace:",
    continueWithGoogle: "Continuar con Google",
    googleNotSetUp: "El inicio de sesión con Google no está disponible en este Family Portal. Use su dirección de correo electrónico.",
    /** Durations ("45 seconds", "a minute", "3 hours"): how long to wait, how long until an email. */
    seconds: (count: number) => n(count, { one: `${count} segundo`, other: `${count} segundos` }),
    aMinute: "un minuto",
    minutes: (count: number) => n(count, { one: `${count} minuto`, other: `${count} minutos` }),
    hours: (count: number) => n(count, { one: `${count} hora`, other: `${count} horas` }),
    /** A form that sent fields the page never had (an old page, or a forged form). */
    unknownFields: "Este formulario tenía campos que no conocemos. Vuelva a cargar la página e intente de nuevo.",
  },
} satisfies Catalog;
