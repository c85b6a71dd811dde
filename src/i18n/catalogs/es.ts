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
  onboarding: {},

  // ---- signIn: parent sign-in, sign-out, forgot and reset password
  signIn: {},

  // ---- account: Account settings, language, devices, deleting the account
  account: {},

  // ---- home: home, the children's cards, Instant Login, district links
  home: {
    title: "Inicio",
    hello: (name: string) => `Hola, ${name}`,
    noChildren:
      "Todavía no hay niños conectados a su cuenta. Abra el enlace de la invitación que le envió la escuela de su hijo o hija; si no tiene ninguna, pida al maestro de su hijo o hija que le envíe una invitación.",
    /** After the school's name on a child's card; the grade as the district wrote it. */
    grade: (grade: string) => `Grado ${grade}`,
    /** After onboarding: `names` is already a list ("Maya y Leo"), `count` how many. */
    connected: (names: string, _count: number) => `¡Le damos la bienvenida! Su cuenta ya está conectada con ${names}.`,
    notAddedIntro: "Algunos niños no se agregaron:",
    notAddedItem: (name: string, school: string, reason: string) => `${name} (${school}): ${reason}.`,
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
    forChild: (name: string) => `para ${name}`,
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
    instantLoginFor: (name: string) => `Inicio de sesión instantáneo para ${name}`,
    instantLoginExplains: (name: string) =>
      `El inicio de sesión instantáneo abre el portal escolar de ${name} en el dispositivo que usted está usando ahora, sin contraseña.`,
    handToChild: "Úselo en un dispositivo que pueda darle a su hijo o hija. El portal escolar cierra la sesión de su hijo o hija después de ocho horas.",
    backHome: "Volver al inicio",
    childNotFound: "No encontramos a este estudiante",
    childNotFoundBody: "Este estudiante no está conectado a su cuenta. Si cree que es un error, consulte con la escuela de su hijo o hija.",
  },

  // ---- badges: a child's badge (parent side) and badge login at /badges
  badges: {
    backHome: "← Inicio",
    title: (name: string) => `Credencial de ${name}`,
    /** The page's heading when there is no badge to show, and the QR code's label: "Badge for Maya Lopez". */
    badgeFor: (name: string) => `Credencial de ${name}`,
    fresh: (name: string) => `Esta es la primera credencial de ${name}. Se acaba de crear.`,
    pin: "PIN",
    pinHint: "Su hijo o hija escribe este número después de mostrar la credencial. No lo comparta con nadie más: no aparece en la credencial impresa ni en la descargada.",
    howToUse: "Cómo se usa",
    /** `**…**` is shown in bold. */
    steps: {
      open: "Abra la credencial en su teléfono (guarde la imagen en sus fotos para tenerla siempre a mano).",
      goTo: (address: string) => `En el dispositivo de su hijo o hija, abra el navegador web y vaya a **${address}**.`,
      holdUp: "Ponga su teléfono frente a la cámara web con la credencial en la pantalla. Su hijo o hija entra automáticamente.",
    },
    download: "Descargar la imagen de la credencial",
    print: "Imprimir",
    saveHint: 'En un teléfono, abra la imagen descargada y elija "Guardar imagen" o "Guardar en Fotos", para tener la credencial en sus fotos.',
    keepPrivate: (name: string) =>
      `No comparta la credencial: cualquier persona que la muestre a una cámara web entra como ${name}. Si se pierde o se comparte, pida una nueva a la escuela; la anterior deja de funcionar de inmediato.`,
    // The print page.
    backToBadge: (name: string) => `← Volver a la credencial de ${name}`,
    printTitle: (name: string) => `Imprimir la credencial de ${name}`,
    printHow: "Use el comando Imprimir de su navegador (Ctrl+P, ⌘P, o Compartir → Imprimir en un teléfono). Solo se imprime la credencial de abajo.",
    /** Under the code on the printed badge and in the badge image (the image's font has Latin letters and their accents only). */
    showToWebcam: (address: string) => `Muéstrela a la cámara web en ${address}`,
    // When there is no badge to show.
    notUsed: (name: string) => `En esta escuela, ${name} no usa credencial.`,
    notUsedWhy: "El distrito escolar decide qué estudiantes usan credenciales. Si tiene preguntas, consulte con la escuela de su hijo o hija.",
    voided: (name: string) => `La escuela desactivó la credencial de ${name}, así que ya no funciona.`,
    voidedAsk: (name: string) => `Pida una nueva al maestro o a la escuela de ${name}. Cuando la hagan, aparecerá aquí.`,
    unavailableTitle: "Credenciales no disponibles",
    unavailableHeading: "No podemos mostrar credenciales en este momento",
    unavailableBody: "Falta configurar algo de nuestro lado. Intente más tarde o consulte con la escuela de su hijo o hija.",
    // Badge login at /badges, on the child's device (the child is addressed as "tú", as teachers speak to students).
    loginTitle: "Entra con tu credencial",
    /** The only failure message: nothing about why is revealed. */
    failed: "Esa credencial no funcionó. Pídele una nueva a tu maestro.",
    signedInParent: "Hay un padre o tutor con la sesión iniciada en este dispositivo. Al entrar con una credencial, su sesión se cierra aquí.",
    signedInTeacher: "Hay un maestro con la sesión iniciada en este dispositivo. Al entrar con una credencial, su sesión se cierra aquí.",
    needsJs: "Esta página necesita JavaScript y una cámara.",
    needsJsWhy: "Lee la credencial con la cámara web del dispositivo, y para eso el navegador necesita tener JavaScript activado.",
    needsJsWhat:
      "Activa JavaScript o usa otro dispositivo o navegador que tenga cámara. Un adulto puede mostrar la credencial desde su teléfono, o pedirle al maestro una credencial impresa.",
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
    // The PIN step.
    pinTitle: "Escribe tu PIN",
    pinIntro: "Tu credencial funcionó. Ahora escribe el PIN de 6 dígitos que va con ella.",
    logIn: "Entrar",
    scanAgain: "Escanear otra vez",
    pinMissing: "Escribe el PIN de 6 dígitos.",
    pinWrong: "Ese PIN no coincide. Revísalo e inténtalo otra vez.",
    // Too many tries from one device.
    tooManyTitle: "Demasiados intentos",
    tooMany: (wait: string) => `Este dispositivo intentó entrar con una credencial muchas veces en poco tiempo. Espera ${wait} e inténtalo otra vez.`,
    waitSeconds: (count: number) => n(count, { one: "1 segundo", other: `${count} segundos` }),
    waitMinutes: (count: number) => n(count, { one: "un minuto", other: `${count} minutos` }),
    backToLogin: "Volver a la entrada con credencial",
  },

  // ---- student: the student portal
  student: {
    title: (name: string) => `Enlaces escolares de ${name}`,
    hi: (name: string) => `¡Hola, ${name}!`,
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
    countLine: (count: number, bands: string | null) =>
      `${n(count, { one: "1 idea", other: `${count} ideas` })}${bands ? `; primero aparecen las ideas para los grados de sus hijos (${bands}).` : "."}`,
    /** On an idea written in another language than the page's: the language's name comes from Intl.DisplayNames. */
    inLanguage: (language: string) => `En ${language}`,
    noMatch: "Todavía no hay ideas que coincidan.",
    showAll: "Ver todas las ideas",
    suggest: {
      heading: "Sugiera una idea",
      thanks: "¡Gracias! Su sugerencia se envió al equipo de Family Portal. Leemos todas.",
      intro: "¿Encontró un sitio web, una actividad o un hábito que ayuda a su hijo o hija a aprender en casa? Cuéntenos y tal vez lo agreguemos aquí para todas las familias.",
      label: "Su idea",
      hint: (min: number, max: number) => `Qué es, y un enlace si lo hay (de ${min.toLocaleString("es")} a ${max.toLocaleString("es")} caracteres).`,
      topicLabel: "Tema (opcional)",
      noTopic: "Ningún tema en particular",
      send: "Enviar sugerencia",
      missing: "Escriba su idea.",
      tooShort: (min: number) => `Escriba al menos ${min.toLocaleString("es")} caracteres, para que entendamos la idea.`,
      tooLong: (max: number) => `Use menos de ${max.toLocaleString("es")} caracteres.`,
      unknownTopic: "Elija un tema de la lista.",
      tooMany: (minutes: number) =>
        `Usted envió varias sugerencias en la última hora. ¡Gracias! Intente otra vez en ${n(minutes, { one: "1 minuto", other: `${minutes} minutos` })}.`,
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
          "Si un mensaje sigue sin leer después de tres horas, le enviamos un correo electrónico con un enlace al mensaje. Puede desactivar estos correos en [Configuración de la cuenta](/account), en **Correos sobre mensajes**.",
        ],
      },
    },
  },

  // ---- messages: the parent's and the teacher's conversations
  messages: {},

  // ---- teacher: teacher sign-in, classes, class badges, settings, starting conversations
  teacher: {},

  // ---- invitations: what districts send families (invitations, renewals, reminders) and the district-facing words
  invitations: {
    /** The email's subject; `child` is the first name and last initial ("Maya J."). */
    subject: (district: string, child: string, school: string) => `${district}: únase a Family Portal para ${child} en ${school}`,
    /** The whole text message. */
    sms: (district: string, firstName: string, school: string, link: string) => `${district}: únase a Family Portal para ${firstName} en ${school}: ${link}`,
    invites: (district: string, fullName: string, school: string) => `${district} le invita a Family Portal para ${fullName} en ${school}.`,
    about: (firstName: string) =>
      `Family Portal es un solo lugar para ayudar a ${firstName} a iniciar sesión en la escuela, encontrar los enlaces del distrito y escribir a los maestros de ${firstName}.`,
    accept: "Aceptar la invitación",
    /** `date` and `time` are already formatted in this language and the district's time zone. */
    singleUse: (date: string, time: string) =>
      `Este enlace es solo para usted y funciona una vez. Vence el ${date} ${/^1[:.]/.test(time) ? "a la" : "a las"} ${time}; después puede pedir uno nuevo en la misma página.`,
    /** The quoted words name the invitation page's button (onboarding's "This is not my child"): keep them the same. */
    notYourChild: (district: string, school: string) =>
      `¿No es su hijo o hija? Abra el enlace y elija "No es mi hijo o hija": la invitación deja de funcionar y se le avisa a ${district}. O comuníquese con ${school}.`,
    sentBy: (district: string) => `Enviado por ${district} a través de Family Portal.`,
    /** Before the same message in English, when the family's language has no catalog of its own. */
    englishBelow: "El mismo mensaje en inglés:",
    reminder: {
      subject: (subject: string) => `Recordatorio: ${subject}`,
      note: "Recordatorio: esta invitación vence en menos de un día. Aquí tiene un enlace nuevo; los enlaces anteriores ya no funcionan.",
      sms: (text: string) => `Recordatorio, vence mañana: ${text}`,
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
      text: (size: string) => `Este formulario es demasiado grande para enviarlo (más de ${size}). Regrese, acorte lo que escribió e inténtelo de nuevo.`,
    },
    /** 400: a form body that cannot be parsed. */
    unreadable: {
      title: "No se pudo leer el formulario",
      text: "No se pudo leer este formulario. Regrese, vuelva a cargar la página e inténtelo de nuevo.",
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
  },
} satisfies Catalog;
