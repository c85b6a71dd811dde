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
