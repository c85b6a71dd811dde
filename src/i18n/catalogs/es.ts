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
} satisfies Catalog;
