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
  invitations: {
    /** The email's subject; `child` is the first name and last initial ("Maya J."). */
    subject: (district: string, child: string, school: string) => `${district}: join Family Portal for ${child} at ${school}`,
    /** The whole text message. */
    sms: (district: string, firstName: string, school: string, link: string) => `${district}: join Family Portal for ${firstName} at ${school}: ${link}`,
    invites: (district: string, fullName: string, school: string) => `${district} invites you to Family Portal for ${fullName} at ${school}.`,
    about: (firstName: string) => `Family Portal is one place to help ${firstName} log in to school, find the district's links, and message ${firstName}'s teachers.`,
    accept: "Accept the invitation",
    /** `date` and `time` are already formatted in this language and the district's time zone. */
    singleUse: (date: string, time: string) =>
      `This link is just for you and works once. It expires on ${date} at ${time}; after that you can ask for a fresh one from the same page.`,
    /** The quoted words name the invitation page's button (onboarding's "This is not my child"): keep them the same. */
    notYourChild: (district: string, school: string) =>
      `Not your child? Open the link and choose "This is not my child": the invitation stops working and ${district} is told. Or contact ${school}.`,
    sentBy: (district: string) => `Sent by ${district} through Family Portal.`,
    /** Before the same message in English, when the family's language has no catalog of its own. */
    englishBelow: "The same message in English:",
    reminder: {
      subject: (subject: string) => `Reminder: ${subject}`,
      note: "Reminder: this invitation expires within a day. Here is a fresh link; earlier links no longer work.",
      sms: (text: string) => `Reminder, expires tomorrow: ${text}`,
    },
  },

  // ---- errors: error pages and refusals (404, 405, 410, 413, 429, 500, cross-site forms)
  errors: {
    /** The link at the end of every error page. */
    home: "Go to the home page",
    notFound: {
      title: "Page not found",
      text: "There is no page at this address. The link may be old or mistyped.",
    },
    /** The CSRF refusal (403). */
    crossSite: {
      title: "Form refused",
      text: "This form was sent from another site, so it was refused. Go back, reload the page and try again.",
    },
    /** 413: `size` is the limit, already formatted ("64 KB"). */
    tooLarge: {
      title: "Form too large",
      text: (size: string) => `This form is too large to send (more than ${size}). Go back, shorten what you wrote and try again.`,
    },
    /** 400: a form body that cannot be parsed. */
    unreadable: {
      title: "Form not read",
      text: "This form could not be read. Go back, reload the page and try again.",
    },
    serverError: {
      title: "Something went wrong",
      text: "Something went wrong on our side. Please try again in a few minutes.",
    },
  },

  // ---- common: words used across areas (kept small; an area's own words stay in its section)
  common: {
    /** In every email, before the button's link written out. */
    orOpenThisLink: "Or open this link:",
  },
};
