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
  onboarding: {
    /** Page titles (the tab's name). */
    titles: {
      invitationNotFound: "Invitation not found",
      invitationExpired: "Invitation expired",
      invitation: "Invitation",
      isThisYourChild: "Is this your child?",
      schoolTold: "The school has been told",
      pleaseWait: "Please wait",
      freshInvitation: "Fresh invitation",
      anotherInvitation: "Another invitation",
      join: "Join Family Portal",
      thankYou: "Thank you",
      addToAccount: "Add to your account",
      createAccount: "Create your account",
      checkEmail: "Check your email",
      sendLinkAgain: "Send the link again",
      linkNotValid: "Link not valid",
      alreadyConfirmed: "Already confirmed",
      confirmEmail: "Confirm your email",
    },
    school: "School",
    child: "Child",
    /** A child's name and school in a list: "Maya Johnson, Maple Grove Elementary". */
    childAtSchool: (child: string, school: string) => `${child}, ${school}`,
    yesMyChild: "Yes, this is my child",
    notMyChild: "This is not my child",
    signIn: "Sign in",
    confirm: {
      heading: "Is this your child?",
      invitedBy: (district: string) => `${district} invited you to Family Portal. Check the school and your child's name.`,
      alreadySaid: "You already said this is your child.",
      continue: "Continue",
      ifWrong: 'If the name is wrong, choose "This is not my child": the invitation stops working and the school is told, so they can fix it.',
    },
    siblings: {
      /** `names`: already joined as a list ("Maya Johnson and Leo Johnson"). */
      youConfirmed: (names: string) => `You confirmed ${names}.`,
      heading: (child: string, school: string) => `You also have an invitation for ${child} at ${school}`,
      allAtOnce: "Answer all at once",
      moreInvitations: (count: number) => n(count, { one: `You have ${count} more invitation:`, other: `You have ${count} more invitations:` }),
      yesToAll: "Yes to all: they are all my children",
    },
    /** A link that cannot be used: each state its own page. */
    problems: {
      not_found: {
        title: "This invitation link doesn't work",
        body: "The link may be incomplete or mistyped. Open it again from the email or text message you received. If it still doesn't work, contact your child's school and ask for a new invitation.",
      },
      accepted: {
        title: "This invitation has already been used",
        body: "Each invitation link connects one account, once. If that was you, sign in to see your children. If it wasn't, contact your child's school.",
      },
      revoked: {
        title: "This invitation was withdrawn",
        body: "The school stopped this invitation, so it no longer works. Please contact your child's school if you think this is a mistake.",
      },
      disputed: {
        title: "This invitation was stopped",
        body: "Someone said this is not their child, so the link no longer works and the school was told. If that was a mistake, please contact your child's school.",
      },
    },
    expired: {
      heading: "This invitation has expired",
      tooOld: (child: string, school: string) => `Your invitation for ${child} at ${school} is too old to use. We can send you a fresh one.`,
      sendFresh: "Send me a fresh invitation",
      /** `masked`: the address on file, partly hidden ("jo•••@example.com"). */
      sameEmail: (masked: string) => `It goes to the same email address the school has on file (${masked}). To use another address, ask your child's school.`,
      samePhone: (masked: string) => `It goes to the same phone number the school has on file (${masked}). To use another address, ask your child's school.`,
      notYourChild: "Not your child? Contact the school.",
    },
    renewal: {
      sentHeading: "We sent you a fresh invitation",
      sentEmail: (masked: string) => `Check your email (${masked}) and open the newest invitation. The old link stays expired.`,
      sentSms: (masked: string) => `Check your text messages (${masked}) and open the newest invitation. The old link stays expired.`,
      supersededHeading: "A newer invitation is on its way",
      superseded: "A newer invitation for this child has already been sent to you. Look for the newest message from the school and open its link.",
      limitedHeading: "Please wait a little",
      /** `wait`: "45 seconds", "12 minutes" (common.wait). */
      limited: (wait: string) => `You asked for several fresh invitations in the last hour. Try again in about ${wait}, or contact your child's school.`,
      notExpiredHeading: "We couldn't send a fresh invitation",
      notExpired: "This invitation can't be renewed any more. Please contact your child's school.",
    },
    disputed: {
      heading: "Thank you. The school has been told.",
      /** `school`: null when the school is not known. */
      body: (school: string | null) =>
        `This invitation no longer works, and ${school ?? "the school"} can see that you said this is not your child, so they can fix it.`,
      continueOthers: "Continue with your other invitations",
      nothingElse: "There is nothing else you need to do.",
    },
    join: {
      heading: "Create your account",
      youConfirmed: "You confirmed:",
      addedWhenReady: "They will be added to your account as soon as it is ready.",
      googleHeading: "Continue with Google",
      googleAnyAddress: "Your Google account does not need to be the address where the invitation arrived.",
      orEmailHeading: "Or continue with email",
      emailHeading: "Continue with email",
      personalAddress: "Use your own personal email address, not your child's school address.",
      name: "Your name",
      email: "Your email",
      emailHint: "We send a link to this address to confirm it.",
      password: "Choose a password",
      passwordHint: "At least 8 characters. A few words together are easy to remember and hard to guess.",
      submit: "Continue with email",
      haveAccountHeading: "Already have an account?",
      signInToAdd: "Sign in to add your children",
    },
    addToAccount: {
      heading: "Add to your account",
      signedInAs: (email: string) => `You are signed in as ${email}.`,
      submit: "Add to my account",
      notYours: "Not your account? Sign out first, then open the invitation again.",
    },
    nothingToJoin: {
      thanksHeading: "Thank you",
      noneYours: "You said none of these children are yours. The school has been told. There is nothing else you need to do.",
      startHeading: "Start from your invitation",
      start:
        "To join Family Portal, open the invitation link your child's school sent you by email or text message. Invitations come from the school; if you don't have one, ask your child's teacher.",
      haveAccount: "Already have an account?",
    },
    checkEmail: {
      heading: "Check your email",
      sent: 'We sent you an email. Open it and press "Confirm my email": that signs you in and adds your children.',
      /** Followed by the link sendAgain, then a full stop. */
      nothingArrived:
        "The link works for 24 hours. If you already have an account with that address, the email tells you how to sign in instead. Nothing arrived after a few minutes? Look in your spam folder, or",
      sendAgain: "send the link again",
    },
    verify: {
      heading: "Confirm your email",
      /** Around the address, shown in bold. */
      otherBrowserBefore: "You are confirming",
      otherBrowserAfter:
        "on another phone or browser than the one you signed up on. Type the password you chose when you signed up. If you did not sign up for Family Portal, close this page: nothing will happen.",
      pressBefore: "Press the button to confirm",
      pressAfter: "and sign in.",
      password: "Your password",
      submit: "Confirm my email",
      alreadyHeading: "Your email is already confirmed",
      already: "You only need to confirm it once. Sign in to see your children.",
      brokenHeading: "This link doesn't work any more",
      broken:
        "Confirmation links work once, for 24 hours, and only the newest one sent to an address works. If you already confirmed your email, just sign in. Otherwise, ask for a new link.",
      sendNewLink: "Send a new link",
    },
    resend: {
      heading: "Send the confirmation link again",
      sent: "If that address has a sign-up waiting to be confirmed, we sent a new link to it (the older link no longer works). Check your email. Nothing came? Open your invitation again and continue with email.",
      limited: (wait: string) => `We sent several links to that address recently. Please wait about ${wait} and look in your spam folder.`,
      email: "Your email",
      submit: "Send the link",
    },
    /** Messages of the sign-up and confirmation forms. */
    errors: {
      enterName: "Please enter your name.",
      enterEmail: "Please enter an email address like name@example.com.",
      studentAddress: "This is a student's school address. Please use your own personal email address.",
      wrongAttemptPassword: "That is not the password chosen for this sign-up. Type it again.",
      tooManyTries: (wait: string) => `Too many tries. Please wait ${wait}, or sign up again.`,
    },
    /** The account emails of onboarding. */
    emails: {
      verify: {
        subject: "Confirm your email for Family Portal",
        hello: "Hello,",
        why: "Please confirm that this is your email address. Confirming signs you in to Family Portal and connects the children you confirmed.",
        how: "The link works once and expires in 24 hours. If you sign up again before using it, only the newest link works. On another phone or computer than the one you signed up on, you will be asked for the password you chose.",
        button: "Confirm my email",
        footer: "If you did not ask for a Family Portal account, ignore this email: nothing happens without you.",
      },
      accountExists: {
        subject: "You already have a Family Portal account",
        tried: "Someone, probably you, tried to create a Family Portal account with this email address. You already have one.",
        signIn: 'Sign in to add your children. If you don\'t remember your password, choose "Forgot your password?" on the sign-in page.',
        button: "Sign in",
        footer: "If this was not you, you can ignore this email: nothing has changed.",
      },
    },
  },

  // ---- signIn: parent sign-in, sign-out, forgot and reset password
  signIn: {
    title: "Sign in",
    heading: "Sign in",
    adding: "Sign in to add the children you confirmed to your account.",
    confirmFirst: "Please confirm your email address first. We sent you a link when you created your account.",
    sendNewLink: "Send me a new link",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    forgot: "Forgot your password?",
    newHere: "New to Family Portal? Invitations come from your child's school: open the link in the email or text message they sent you.",
    missing: "Please enter your email and your password.",
    wrong: "The email or password is not right. Check them and try again.",
    tooMany: {
      title: "Too many tries",
      heading: "Too many tries",
      /** `wait`: "45 seconds", "12 minutes" (common.wait). */
      body: (wait: string) => `To keep accounts safe, sign-in is paused for this address. Please wait about ${wait} and try again.`,
    },
    google: {
      title: "Google sign-in",
      heading: "We couldn't sign you in with Google",
      studentEmail: "That Google account uses a student's school address. Please use your own personal Google account, or continue with your personal email address.",
      failed: "Something went wrong while signing in with Google, so nothing was changed. Please try again, or sign in with your email and password.",
      back: "Back to sign in",
    },
    forgotPage: {
      title: "Forgot your password?",
      heading: "Forgot your password?",
      sent: "If an account uses that address, we've sent a link to it. The link works for one hour. Nothing there after a few minutes? Check your spam folder, or ask again.",
      intro: "Enter the email address of your account. We'll send you a link to choose a new password.",
      email: "Email address",
      submit: "Send me a link",
      back: "Back to sign in",
      google: 'Signed up with "Continue with Google"? You have no password here: sign in with Google instead.',
      enterEmail: "Enter your email address.",
      tooLong: "That address is too long.",
      invalidEmail: "Enter an email address like name@example.com.",
    },
    resetPage: {
      title: "Choose a new password",
      heading: "Choose a new password",
      /** Around the account's address, shown in bold. */
      forAccountBefore: "For the account",
      forAccountAfter: ". Saving it signs you out on every other device.",
      submit: "Save my new password",
      sendNewLink: "Send me a new link",
      signIn: "Sign in",
    },
    /** A reset link that cannot be used. */
    resetProblems: {
      unknown: { title: "This link doesn't work", text: "The link may be incomplete: check that you opened the whole link from the email." },
      used: { title: "This link was already used", text: "Each link works once. If you still need a new password, ask for another link." },
      expired: { title: "This link has expired", text: "Links work for one hour. Ask for a new one: it only takes a minute." },
    },
  },

  // ---- account: Account settings, language, devices, deleting the account
  account: {
    title: "Account settings",
    heading: "Account settings",
    checkForm: "Please check the form below.",
    name: {
      heading: "Name",
      label: "Your name",
      hint: "Teachers see this name.",
      save: "Save name",
    },
    email: {
      heading: "Email address",
      cannotChange:
        "The email address of an account can't be changed. To use another address, ask your child's school district to send a new invitation for each child to that address.",
    },
    notifications: {
      heading: "Emails about messages",
      /** `delay`: "3 hours" (common.hours, common.minutes). */
      label: (delay: string) => `Email me when a message from a teacher is still unread after ${delay}`,
      save: "Save",
    },
    language: {
      heading: "Language",
      intro: "Family Portal's pages and emails to you are in this language.",
      save: "Save language",
      chooseOne: "Choose one of the languages.",
    },
    password: {
      heading: "Password",
      googleOnly: "You sign in with Google, so your account has no password to change here. To keep your account safe, keep your Google account safe.",
      current: "Current password",
      new: "New password",
      newHint: "At least 8 characters. A few words you will remember work well.",
      submit: "Change password",
      /** Followed by the link byEmail, then a full stop. */
      signsOut: "Changing your password signs you out on every other device. Forgot it?",
      byEmail: "Get a link by email",
    },
    sessions: {
      heading: "Where you're signed in",
      thisDevice: "this device",
      /** Before the date and time the session began, and before the last time it was used. */
      signedIn: "Signed in",
      lastActive: "last active",
      signOut: (device: string) => `Sign out ${device}`,
      signOutOthers: "Sign out everywhere else",
      nowhereElse: "You're not signed in anywhere else.",
      dontRecognise: "Don't recognise a device? Sign it out, then change your password.",
      unknownDevice: "Unknown device",
      /** "Chrome on Android": browser and system names stay as they are. */
      browserOn: (browser: string, system: string) => `${browser} on ${system}`,
    },
    sessionNotFound: {
      title: "Not found",
      heading: "That device isn't on your account",
      body: "It may have been signed out already.",
      back: "Back to account settings",
    },
    deleteSection: {
      heading: "Delete account",
      body: "Delete your account and your connections to your children.",
      link: "Delete my account",
    },
    deletePage: {
      title: "Delete your account",
      heading: "Delete your account",
      whatHappens: "What happens",
      accountGoes: "Your account, your sign-ins on every device and your connections to your children are deleted. This cannot be undone.",
      messagesGo: 'Your messages to teachers are removed. Teachers keep what they wrote, and see you as "former guardian".',
      schoolKeeps: "Your child's school keeps its own records. To use Family Portal again, ask the school for a new invitation.",
      confirm: "Confirm",
      password: "Your password",
      typeEmail: "Type your email address to confirm",
      typeEmailHint: (email: string) => `You sign in with Google. Type ${email} to confirm.`,
      submit: "Delete my account",
      keep: "Keep my account",
    },
    /** What the page says after each change. */
    notices: {
      name: "Your name is saved.",
      notificationsOn: "You'll get an email when a message is still unread for a while.",
      notificationsOff: "You won't get emails about unread messages. You'll still see them when you sign in.",
      password: "Your new password is saved. Every other device has been signed out.",
      passwordReset: "Your new password is saved and you're signed in on this device. Every other device has been signed out.",
      sessionEnded: "That device has been signed out.",
      othersEnded: "Every other device has been signed out.",
      language: "Your language is saved.",
    },
    errors: {
      enterName: "Enter your name.",
      tooLong: (max: number) => `Use at most ${max} characters.`,
      tickOrLeave: "Tick the box or leave it empty.",
      enterCurrent: "Enter your current password.",
      wrongCurrent: "That is not your current password.",
      chooseNew: "Choose a new password.",
      googleNoPassword: "You sign in with Google, so your account has no password to change.",
      tooManyWrong: "Too many wrong passwords. Wait an hour and try again, or get a link by email with Forgot password.",
      tooManyWrongDelete: "Too many wrong passwords. Wait an hour and try again.",
      notYourPassword: "That is not your password.",
      deleteEnterPassword: "Enter your password to confirm.",
      deleteTypeEmail: "Type the email address you sign in with, exactly as shown.",
    },
    /** Why a password is refused (NIST SP 800-63B: length, common passwords, the address). */
    passwordRules: {
      tooShort: (min: number) => `Use at least ${min} characters.`,
      tooLong: (max: number) => `Use at most ${max} characters.`,
      common: "That password is one of the most common ones, so it is easy to guess. Choose another.",
      repeated: "Use more than one repeated character.",
      keyRun: "A run of keys in order is easy to guess. Choose another.",
      email: "Don't use your email address in your password.",
    },
    /** The account emails. */
    emails: {
      reset: {
        subject: "Reset your Family Portal password",
        asked: "Someone, hopefully you, asked to reset the password of your Family Portal account.",
        how: "The link works once and for one hour. Choosing a new password signs you out on every device.",
        notYou: "Didn't ask for this? You can ignore this email: your password stays the same.",
        button: "Choose a new password",
      },
      googleAccount: {
        subject: "Signing in to Family Portal",
        asked: "Someone, hopefully you, asked to reset the password of your Family Portal account.",
        noPassword: 'Your account doesn\'t use a password: you sign in with "Continue with Google", using the Google account you chose when you joined.',
        notYou: "Didn't ask for this? You can ignore this email.",
        button: "Sign in",
      },
      passwordChanged: {
        subject: "Your Family Portal password was changed",
        changed: "The password of your Family Portal account was just changed in Account settings, and every other device was signed out.",
        notYou: "Wasn't you? Choose a new password now with the link above, then tell your child's school.",
        button: "Reset your password",
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
    orOpenThisLink: "Or open this link:",
    continueWithGoogle: "Continue with Google",
    googleNotSetUp: "Google sign-in is not set up on this Family Portal, so please use your email address.",
    /** Durations ("45 seconds", "a minute", "3 hours"): how long to wait, how long until an email. */
    seconds: (count: number) => n(count, { one: `${count} second`, other: `${count} seconds` }),
    aMinute: "a minute",
    minutes: (count: number) => n(count, { one: `${count} minute`, other: `${count} minutes` }),
    hours: (count: number) => n(count, { one: `${count} hour`, other: `${count} hours` }),
    /** A form that sent fields the page never had (an old page, or a forged form). */
    unknownFields: "This form had fields we don't know. Reload the page and try again.",
  },
};
