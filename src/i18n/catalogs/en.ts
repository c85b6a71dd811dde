/**
 * English: the reference catalog. Every user-facing string of pages, emails, texts and error
 * pages lives in a catalog; a new language is one new file beside this one (see README,
 * "Languages"). Sections follow the areas of the product. Functions take what the sentence
 * needs; plurals go through Intl.PluralRules.
 */
import type { Dir } from "../catalog";
import { plural } from "../plural";

const n = plural("en");

export default {
  meta: {
    /** BCP 47 tag of this catalog. */
    tag: "en",
    /** The language's name in itself, as the switcher shows it. */
    name: "English",
    dir: "ltr" as Dir,
  },

  // ---- the page shell, navigation and language switcher
  layout: {
    siteName: "Family Portal",
    titleSuffix: (title: string) => `${title} · Family Portal`,
    skipToContent: "Skip to content",
    mainNavigation: "Main",
    signIn: "Sign in",
    signOut: "Sign out",
    help: "Help",
    home: "Home",
    messages: "Messages",
    /** After the number shown in the Messages tab, for screen readers. */
    unreadConversations: (count: number) => n(count, { one: "unread conversation", other: "unread conversations" }),
    ideas: "Ideas",
    accountSettings: "Account settings",
    myClasses: "My classes",
    settings: "Settings",
    languageSwitcher: "Language",
    switchTo: (name: string) => `Show this page in ${name}`,
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
  invitations: {},

  // ---- errors: error pages and refusals (404, 405, 410, 413, 429, 500, cross-site forms)
  errors: {},

  // ---- common: words used across areas (kept small; an area's own words stay in its section)
  common: {
    /** In every email, before the button's link written out. */
    orOpenThisLink: "Or open this link:",
  },
};
