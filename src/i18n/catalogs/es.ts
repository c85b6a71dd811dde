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
  messages: {
    title: "Mensajes",
    /** A conversation's page title and the way back to it. */
    threadTitle: (name: string) => `Mensajes con ${name}`,
    allMessages: "← Todos los mensajes",
    olderConversations: "Conversaciones anteriores",
    youWroteLast: "usted escribió el último mensaje",
    /** After the number of new messages in a conversation list. */
    newCount: (count: number) => n(count, { one: `${count} nuevo`, other: `${count} nuevos` }),
    textOnlyNote: "Los mensajes son solo de texto: no se pueden enviar fotos, videos ni archivos adjuntos.",
    /** Above the message box; `max` is already formatted ("2,000"). */
    textOnlyHint: (max: string) => `Solo texto: no se pueden enviar fotos, videos ni archivos adjuntos. Puede incluir enlaces. Hasta ${max} caracteres.`,
    opensInNewTab: "(se abre en una pestaña nueva)",
    you: "Usted",
    earlierMessages: "Mensajes anteriores",
    newestMessages: "Mensajes más recientes",
    liveHint: "Los mensajes nuevos aparecen aquí solos.",
    checkForNew: "Ver si hay mensajes nuevos",
    aboutWith: (child: string, withName: string) => `Sobre ${child}. Solo usted y ${withName} ven esta conversación.`,
    notSent: "Su mensaje no se envió. Vea abajo.",
    send: "Enviar",
    /** Shown for a guardian who deleted their account, and for what they had written. */
    formerGuardian: "Tutor anterior",
    removedMessage: "(Este mensaje se borró cuando la persona que lo escribió eliminó su cuenta).",

    // the parent's pages
    parentIntro: "Conversaciones con los maestros de sus hijos. Cada conversación la empieza un maestro; usted puede responder en cualquiera de ellas.",
    parentNone: "Todavía no tiene mensajes. Cuando un maestro de sus hijos le escriba, la conversación aparecerá aquí.",
    aboutChild: (firstName: string) => `sobre ${firstName}`,
    unreadEmailsOn: (delay: string) => `Si un mensaje sigue sin leer después de ${delay}, le enviamos un correo electrónico con un enlace al mensaje.`,
    unreadEmailsOff: "Los correos sobre mensajes sin leer están desactivados.",
    changeInAccountSettings: "Cambie esto en Configuración de la cuenta",
    teacherMissing: "¿No ve a uno de los maestros de sus hijos? Los maestros empiezan las conversaciones aquí. Para preguntar, escríbale directamente por correo electrónico.",
    parentEmpty: "Todavía no hay mensajes aquí.",
    replyTo: (teacher: string) => `Responder a ${teacher}`,
    teacherTurnedOff: (teacher: string) =>
      `${teacher} desactivó los mensajes por ahora, así que no puede responder aquí. Todavía puede leer esta conversación. Para comunicarse con ${teacher}, llame o escriba a la escuela.`,
    teacherLeft: (teacher: string, child: string) =>
      `${teacher} ya no es maestro de ${child}, así que no puede responder aquí. Todavía puede leer esta conversación. La escuela le puede decir quién es ahora el maestro de ${child}.`,
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
      tooLong: (max: string, count: string) => `Los mensajes pueden tener como máximo ${max} caracteres, y este tiene ${count}. Acórtelo o envíelo en partes.`,
      outOfDate: "Este formulario ya no es válido. Vuelva a cargar la página y envíe su mensaje otra vez.",
      unknownFields: "Este formulario tenía campos que no conocemos. Vuelva a cargar la página e inténtelo otra vez.",
      /** After a 429; `when` is one of tryAgainIn's. */
      tooMany: (when: string) => `Usted envió muchos mensajes en poco tiempo, así que este no se envió. Inténtelo otra vez ${when}. Lo que escribió sigue aquí.`,
      tryAgainInSeconds: (s: number) => n(s, { one: `en ${s} segundo`, other: `en ${s} segundos` }),
      tryAgainInMinutes: (m: number) => (m === 1 ? "en un minuto" : `en ${m} minutos`),
      tryAgainInHours: (h: number) => (h === 1 ? "en una hora" : `en ${h} horas`),
    },

    // the unread-message email (it never includes the message itself)
    unreadEmail: {
      subject: (writer: string, child: string) => `Mensaje sin leer de ${writer} sobre ${child}`,
      waiting: (writer: string, child: string, delay: string) => `${writer} le envió un mensaje sobre ${child} en Family Portal, y lleva ${delay} sin leer.`,
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
  },

  // ---- teacher: teacher sign-in, classes, class badges, settings, starting conversations
  teacher: {
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
      tooMany: (minutes: number) =>
        n(minutes, {
          one: `Hace poco se pidieron varios enlaces para este correo. Para proteger la bandeja de entrada, espere unos ${minutes} minuto y vuelva a pedirlo, o use el enlace más reciente que ya tiene.`,
          other: `Hace poco se pidieron varios enlaces para este correo. Para proteger la bandeja de entrada, espere unos ${minutes} minutos y vuelva a pedirlo, o use el enlace más reciente que ya tiene.`,
        }),
      choiceTitle: "Iniciar sesión en Family Portal",
      /** Before the teacher's name (in bold), then ", district." */
      signingInAs: "Va a iniciar sesión como",
      signInButton: "Iniciar sesión",
      severalDistricts: "Su correo está en la lista de más de un distrito escolar. ¿En cuál quiere iniciar sesión?",
      districtAs: (district: string, name: string) => `${district} (como ${name})`,
      chooseDistrict: "Elija el distrito en el que quiere iniciar sesión.",
      expiredTitle: "Este enlace para iniciar sesión ya no funciona",
      expired: "Los enlaces para iniciar sesión funcionan una sola vez, dentro de 15 minutos. Este ya se usó o ya venció. Pida uno nuevo abajo.",
      googleRefusedTitle: "No pudimos iniciar su sesión con Google",
      googleRefused:
        "Use la cuenta de Google del correo electrónico que su escuela tiene en su lista, o pida un enlace por correo electrónico. Si esto sigue pasando, comuníquese con la oficina de su distrito.",
    },
    signInEmail: {
      subject: "Su enlace para iniciar sesión en Family Portal",
      hello: (name: string) => `Hola, ${name}:`,
      someone: "Alguien, probablemente usted, pidió iniciar sesión en Family Portal como maestro con este correo electrónico.",
      signIn: "Iniciar sesión:",
      button: "Iniciar sesión en Family Portal",
      /** `until` is a time with its zone, e.g. "3:20 PM EST". */
      rules: (until: string) => `El enlace funciona una sola vez y solo durante 15 minutos (hasta las ${until}). Si ya venció, pida uno nuevo en la página para iniciar sesión.`,
      /** `list` is already a list ("North, and South"). */
      severalDistricts: (count: number, list: string) =>
        `Su correo está en la lista de ${count} distritos escolares (${list}). Después de abrir el enlace, elija en cuál quiere iniciar sesión.`,
      ignore: "¿No pidió esto? Puede ignorar este correo: nadie puede iniciar sesión sin el enlace.",
    },

    // classes: the landing page and a class's page
    classes: {
      title: "Mis clases",
      signedInAs: (name: string) => `Sesión iniciada como ${name}.`,
      allClasses: "← Todas mis clases",
      none: "Todavía no tiene clases en la lista. Su distrito las agrega desde su sistema de información estudiantil.",
      footnote:
        "Los tutores conectados aceptaron una invitación y confirmaron al estudiante. Las invitaciones se envían a los contactos que su distrito tiene registrados; si una fue retirada o disputada, le toca al distrito resolverlo.",
      schoolAndCount: (school: string, count: number) => n(count, { one: `${school} · ${count} estudiante`, other: `${school} · ${count} estudiantes` }),
      messageAll: "Escribir a todas las familias",
      messageAllLabel: (section: string) => `Escribir a todas las familias de ${section}`,
      badges: "Credenciales:",
      voidOrNew: "Anular o crear credenciales nuevas",
      voidOrNewLabel: (section: string) => `Anular o crear credenciales nuevas para ${section}`,
      printBadges: "Imprimir credenciales",
      printBadgesLabel: (section: string) => `Imprimir credenciales de ${section}`,
      noStudents: "Todavía no hay estudiantes inscritos en esta clase.",
      student: "Estudiante",
      connectedGuardians: "Tutores conectados",
      contactsAndInvitations: "Contactos registrados e invitaciones",
      contacts: "Contactos",
      grade: (grade: string) => `grado ${grade}`,
      messageFamily: "Escribir a la familia",
      messageFamilyLabel: (guardian: string, student: string) => `Escribir a la familia: ${guardian}, sobre ${student}`,
      noneYet: "Ninguno todavía",
      noContacts: "No hay contactos registrados (los agrega el distrito)",
      /** The family's language, named in the teacher's language ("Spanish"). */
      language: (name: string) => `Idioma: ${name}`,
      status: {
        notInvited: "Sin invitación todavía",
        pending: (date: string) => `Pendiente (el enlace funciona hasta el ${date})`,
        expired: (date: string) => `Venció el ${date}`,
        accepted: "Aceptada",
        revoked: "Retirada por el distrito",
        disputed: 'Disputada ("no es mi hijo")',
      },
      send: "Enviar invitación",
      sendAgain: "Enviar otra vez",
      sendNew: "Enviar una invitación nueva",
      sendLabel: (label: string, contact: string, student: string) => `${label} a ${contact} para ${student}`,
      notice: {
        thisContact: "este contacto",
        theStudent: "el estudiante",
        resent: (contact: string, student: string) => `Se está enviando una invitación nueva a ${contact} para ${student}. Los enlaces enviados antes ya no funcionan.`,
        created: (contact: string, student: string) => `Se está enviando una invitación a ${contact} para ${student}.`,
        accepted: (contact: string, student: string) => `${contact} ya aceptó la invitación para ${student}: no hay nada que enviar.`,
        revoked: (contact: string, student: string) =>
          `El distrito retiró la invitación a ${contact} para ${student}, así que no se puede enviar otra vez desde aquí. Consulte con la oficina de su distrito.`,
        disputed: (contact: string, student: string) =>
          `${contact} dijo que ${student} no es su hijo, así que no se envió nada. Primero el distrito tiene que revisar este contacto; avise a la oficina de su distrito.`,
        alreadyPending: (contact: string, student: string) => `Ya se está enviando otra invitación a ${contact} para ${student}; su estado aparece abajo.`,
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
      title: (section: string) => `Credenciales · ${section}`,
      notFoundTitle: "No encontrado",
      summary: (school: string, using: number, total: number) =>
        n(total, { one: `${school} · ${using} de ${total} estudiante usa credenciales`, other: `${school} · ${using} de ${total} estudiantes usan credenciales` }),
      theStudent: "El estudiante",
      notice: {
        regenerated: (student: string) => `${student} tiene una credencial nueva. La anterior ya no funciona; imprima o comparta la nueva.`,
        voided: (student: string) => `La credencial de ${student} ya no funciona.`,
        classRegenerated: (count: number) =>
          n(count, {
            one: `Credencial nueva para ${count} estudiante. Las anteriores ya no funcionan; imprima la hoja de abajo.`,
            other: `Credenciales nuevas para ${count} estudiantes. Las anteriores ya no funcionan; imprima la hoja de abajo.`,
          }),
        classRegeneratedSome: "Credenciales nuevas para los estudiantes. Las anteriores ya no funcionan; imprima la hoja de abajo.",
        noBadge: (student: string) => `${student} no tiene una credencial en uso, así que no había nada que anular.`,
        badgesOff: (student: string) => `Las credenciales están desactivadas para ${student}. Su distrito decide quién usa credenciales.`,
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
      inUseSince: (date: string) => `En uso desde el ${date}`,
      newBadge: "Credencial nueva",
      makeBadge: "Crear una credencial",
      actionFor: (action: string, student: string) => `${action} para ${student}`,
      void: "Anular",
      voidLabel: (student: string) => `Anular la credencial de ${student}`,
      wholeClassTitle: "Credenciales nuevas para toda la clase",
      wholeClass:
        "Todas las credenciales de esta clase dejan de funcionar a la vez y cada estudiante que usa credenciales recibe una nueva. Hágalo si las credenciales se pudieron haber compartido o perdido.",
      makeNew: (count: number) => n(count, { one: `Crear ${count} credencial nueva`, other: `Crear ${count} credenciales nuevas` }),
      footnote:
        "Una credencial inicia la sesión de un estudiante cuando se muestra a la cámara web en la página de credenciales. Al anularla o crear una nueva, la credencial anterior deja de funcionar enseguida, en papel y en los teléfonos de los padres.",
      pinsNote: "Su distrito también pide el PIN de cada estudiante después de escanear la credencial; los PIN no se imprimen en las etiquetas.",
      sheetTitle: (section: string) => `Etiquetas de credenciales · ${section}`,
      printHint: (loginAt: string) =>
        `Use el comando Imprimir de su navegador (Ctrl+P o ⌘P). Cada credencial se imprime como una etiqueta cuadrada de 2 pulgadas; los estudiantes muestran la suya a la cámara web en ${loginAt}.`,
      noneInUse: "Ningún estudiante de esta clase tiene una credencial en uso.",
      labels: "Etiquetas de credenciales",
      noBadgeTitle: "Sin credencial",
      noBadge: (student: string) => `${student}: sin credencial`,
      noBadgeOff: (student: string) => `${student}: sin credencial (las credenciales están desactivadas para este estudiante)`,
      /** The QR code's text alternative. */
      qrAlt: (student: string) => `Credencial de ${student}`,
    },

    // messages: the teacher's list, a conversation, a new message, a whole class
    messages: {
      offNoReplies: "Sus mensajes están desactivados, así que las familias no pueden responder y usted no puede empezar conversaciones nuevas.",
      offCantStart: "Sus mensajes están desactivados, así que no puede empezar conversaciones nuevas.",
      offGuardianCantReply: (guardian: string) => `Sus mensajes están desactivados, así que ${guardian} puede leer esta conversación pero no puede responder.`,
      turnOnInSettings: "Actívelos en Configuración",
      sentAll: (count: number) =>
        n(count, {
          one: `Enviado a ${count} familia. Cada familia tiene su propia conversación con usted, abajo.`,
          other: `Enviado a ${count} familias. Cada familia tiene su propia conversación con usted, abajo.`,
        }),
      sentSome: (sent: number, total: number, failed: number) => `Enviado a ${sent} de ${total} familias. ${failed} no se pudieron enviar; inténtelo otra vez en un momento.`,
      /** "No conversations yet. Start one from" + a link to My classes + the rest. */
      noneBefore: "Todavía no hay conversaciones. Empiece una desde",
      noneLink: "Mis clases",
      noneAfter: ': "Escribir a la familia", junto a un tutor conectado, o "Escribir a todas las familias" para toda una clase.',
      aboutStudent: (name: string) => `sobre ${name}`,
      noLongerConnected: "ya no está conectado",
      empty: "Todavía no hay mensajes aquí. Escriba el primero abajo.",
      writeTo: (guardian: string) => `Escribir a ${guardian}`,
      disconnected: (guardian: string, child: string) => `${guardian} ya no está conectado con ${child} en Family Portal, así que aquí ya no se pueden enviar mensajes nuevos.`,
      refusedDisconnected: (guardian: string, child: string) => `${guardian} ya no está conectado con ${child}, así que esto no se puede enviar.`,
      newTitle: (guardian: string) => `Escribir a ${guardian}`,
      backToClasses: "← Mis clases",
      newAbout: (child: string, guardian: string) => `Sobre ${child}. Así empieza una conversación que solo ven usted y ${guardian}; le pueden responder aquí.`,
      yourMessage: "Su mensaje",
      couldNotSend: "Su mensaje no se pudo enviar en este momento. Inténtelo otra vez en un momento.",
      broadcastTitle: (section: string) => `Escribir a todas las familias de ${section}`,
      noFamilies: "Todavía no hay familias de esta clase conectadas a Family Portal. Cuando un tutor acepte su invitación, podrá escribirle aquí.",
      noOneToSend: "Todavía no hay familias de esta clase conectadas, así que no hay a quién enviarlo.",
      goesTo: (guardians: number, students: number) =>
        `Esto se envía a ${n(guardians, { one: `${guardians} tutor`, other: `${guardians} tutores` })} de ${n(students, { one: `${students} estudiante`, other: `${students} estudiantes` })}.`,
      eachOwn: "Cada familia lo recibe en su propia conversación con usted: ninguna familia ve los mensajes ni las respuestas de otra.",
      whoGetsIt: "Quién lo recibe",
      recipient: (guardian: string, child: string) => `${guardian} (sobre ${child})`,
      sendTo: (count: number) => n(count, { one: `Enviar a ${count} familia`, other: `Enviar a ${count} familias` }),
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
      nameHint: (rosterName: string) => `Por ejemplo, "Sra. Rivera". Déjelo vacío para usar su nombre de la lista: ${rosterName}.`,
      saveName: "Guardar el nombre",
      emailsTitle: "Correos sobre mensajes sin leer",
      emailsOn: (delay: string) =>
        `Activados: cuando el mensaje de una familia sigue sin leer después de ${delay}, usted recibe un correo con un enlace a la conversación (nunca el mensaje).`,
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
  invitations: {},

  // ---- errors: error pages and refusals (404, 405, 410, 413, 429, 500, cross-site forms)
  errors: {},

  // ---- common: words used across areas (kept small; an area's own words stay in its section)
  common: {
    /** In every email, before the button's link written out. */
    orOpenThisLink: "O abra este enlace:",
  },
} satisfies Catalog;
