/**
 * English: the reference catalog. Every user-facing string of pages, emails, texts and error
 * pages lives in a catalog; a new language is one new file beside this one (see README,
 * "Languages"). Sections follow the areas of the product. A sentence that needs values is a
 * message: `msg<[its arguments' types]>("ICU template", ...their names)` (src/i18n/message.ts,
 * the template syntax in src/i18n/icu.ts); plurals go through Intl.PluralRules. This file is data:
 * scripts/build-static.mjs checks it and serves it as a static asset, not in the worker's code.
 */
import type { Dir } from "../catalog";
import { msg } from "../message";

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
    titleSuffix: msg<[title: string]>("{title} · Family Portal", "title"),
    skipToContent: "Skip to content",
    mainNavigation: "Main",
    signIn: "Sign in",
    signOut: "Sign out",
    help: "Help",
    home: "Home",
    messages: "Messages",
    /** After the number shown in the Messages tab, for screen readers. */
    unreadConversations: msg<[count: number]>("{count, plural, one {unread conversation} other {unread conversations}}", "count"),
    ideas: "Ideas",
    accountSettings: "Account settings",
    myClasses: "My classes",
    settings: "Settings",
    languageSwitcher: "Language",
    switchTo: msg<[name: string]>("Show this page in {name}", "name"),
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
    childAtSchool: msg<[child: string, school: string]>("{child}, {school}", "child", "school"),
    yesMyChild: "Yes, this is my child",
    notMyChild: "This is not my child",
    signIn: "Sign in",
    confirm: {
      heading: "Is this your child?",
      invitedBy: msg<[district: string]>("{district} invited you to Family Portal. Check the school and your child's name.", "district"),
      alreadySaid: "You already said this is your child.",
      continue: "Continue",
      ifWrong: 'If the name is wrong, choose "This is not my child": the invitation stops working and the school is told, so they can fix it.',
    },
    siblings: {
      /** `names`: already joined as a list ("Maya Johnson and Leo Johnson"). */
      youConfirmed: msg<[names: string]>("You confirmed {names}.", "names"),
      heading: msg<[child: string, school: string]>("You also have an invitation for {child} at {school}", "child", "school"),
      allAtOnce: "Answer all at once",
      moreInvitations: msg<[count: number]>("{count, plural, one {You have # more invitation:} other {You have # more invitations:}}", "count"),
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
      tooOld: msg<[child: string, school: string]>("Your invitation for {child} at {school} is too old to use. We can send you a fresh one.", "child", "school"),
      sendFresh: "Send me a fresh invitation",
      /** `masked`: the address on file, partly hidden ("jo•••@example.com"). */
      sameEmail: msg<[masked: string]>("It goes to the same email address the school has on file ({masked}). To use another address, ask your child's school.", "masked"),
      samePhone: msg<[masked: string]>("It goes to the same phone number the school has on file ({masked}). To use another address, ask your child's school.", "masked"),
      notYourChild: "Not your child? Contact the school.",
    },
    renewal: {
      sentHeading: "We sent you a fresh invitation",
      sentEmail: msg<[masked: string]>("Check your email ({masked}) and open the newest invitation. The old link stays expired.", "masked"),
      sentSms: msg<[masked: string]>("Check your text messages ({masked}) and open the newest invitation. The old link stays expired.", "masked"),
      supersededHeading: "A newer invitation is on its way",
      superseded: "A newer invitation for this child has already been sent to you. Look for the newest message from the school and open its link.",
      limitedHeading: "Please wait a little",
      /** `wait`: "45 seconds", "12 minutes" (common.wait). */
      limited: msg<[wait: string]>("You asked for several fresh invitations in the last hour. Try again in about {wait}, or contact your child's school.", "wait"),
      notExpiredHeading: "We couldn't send a fresh invitation",
      notExpired: "This invitation can't be renewed any more. Please contact your child's school.",
    },
    disputed: {
      heading: "Thank you. The school has been told.",
      /** `school`: null when the school is not known. */
      body: msg<[school: string | null]>("This invitation no longer works, and {school, select, none {the school} other {{school}}} can see that you said this is not your child, so they can fix it.", "school"),
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
    /** A returning parent (an account at the invited address, or a browser where a parent signed in before): signing in comes first. */
    returning: {
      /** `names` is already a list ("Maya and Leo"). */
      heading: msg<[names: string]>("Sign in to add {names}", "names"),
      signIn: "Sign in",
      why: "If you already have a Family Portal account, sign in and they are added to it.",
      newHere: "New to Family Portal? Create your account",
    },
    addToAccount: {
      heading: "Add to your account",
      signedInAs: msg<[email: string]>("You are signed in as {email}.", "email"),
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
      limited: msg<[wait: string]>("We sent several links to that address recently. Please wait about {wait} and look in your spam folder.", "wait"),
      email: "Your email",
      submit: "Send the link",
    },
    /** Messages of the sign-up and confirmation forms. */
    errors: {
      enterName: "Please enter your name.",
      enterEmail: "Please enter an email address like name@example.com.",
      studentAddress: "This is a student's school address. Please use your own personal email address.",
      wrongAttemptPassword: "That is not the password chosen for this sign-up. Type it again.",
      tooManyTries: msg<[wait: string]>("Too many tries. Please wait {wait}, or sign up again.", "wait"),
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
    /** On the landing and sign-in pages: the other ways in (views/other-doors.tsx). */
    otherDoors: {
      teacher: "Are you a teacher?",
      teacherLink: "Teacher sign-in",
      student: "A student at school?",
      studentLink: "Log in with your badge",
    },
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
      body: msg<[wait: string]>("To keep accounts safe, sign-in is paused for this address. Please wait about {wait} and try again.", "wait"),
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
      signOut: msg<[device: string]>("Sign out {device}", "device"),
      signOutOthers: "Sign out everywhere else",
      nowhereElse: "You're not signed in anywhere else.",
      dontRecognise: "Don't recognise a device? Sign it out, then change your password.",
      unknownDevice: "Unknown device",
      /** "Chrome on Android": browser and system names stay as they are. */
      browserOn: msg<[browser: string, system: string]>("{browser} on {system}", "browser", "system"),
      /** The page that asks before signing a device out (issue 14: nothing destructive in one tap). */
      confirm: {
        oneTitle: msg<[device: string]>("Sign out {device}?", "device"),
        oneWhat: "Family Portal on that device is signed out at once. To use it there again, someone has to sign in with your email and password (or Google).",
        oneButton: "Sign out that device",
        othersTitle: msg<[count: number]>("{count, plural, one {Sign out your # other device?} other {Sign out your # other devices?}}", "count"),
        othersWhat: "Family Portal is signed out at once everywhere except on this device. To use it there again, someone has to sign in with your email and password (or Google).",
        othersButton: "Sign out the other devices",
        cancel: "Cancel",
      },
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
      typeEmailHint: msg<[email: string]>("You sign in with Google. Type {email} to confirm.", "email"),
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
      tooLong: msg<[max: number]>("Use at most {max} characters.", "max"),
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
      tooShort: msg<[min: number]>("Use at least {min} characters.", "min"),
      tooLong: msg<[max: number]>("Use at most {max} characters.", "max"),
      common: "That password is one of the most common ones, so it is easy to guess. Choose another.",
      repeated: "Use more than one repeated character.",
      keyRun: "A run of keys in order is easy to guess. Choose another.",
      email: "Don't use your email address in your password.",
    },
    /** A verified mobile number, and how the parent is told a teacher wrote (issue 17). */
    phone: {
      heading: "Text messages",
      intro: "Add your mobile number to get a text when a teacher writes, and to answer by replying to that text.",
      verifiedNumber: msg<[phone: string]>("Your number: {phone} (verified).", "phone"),
      label: "Mobile number",
      hint: "For example (555) 123-4567, or +52 55 1234 5678 outside the United States.",
      sendCode: "Text me a code",
      codeSentTo: msg<[phone: string]>("We sent a 6-digit code to {phone}. It works for 10 minutes.", "phone"),
      codeLabel: "6-digit code",
      verify: "Confirm number",
      /** The text with the code (kept short: one SMS). */
      codeText: msg<[code: string]>("Family Portal: your code is {code}. It works for 10 minutes. If you didn't ask for it, ignore this text.", "code"),
      notifyHeading: "When a teacher writes",
      notifyIntro: msg<[delay: string]>("If a message is still unread after {delay}, tell me by:", "delay"),
      byEmail: "Email",
      byText: "Text message",
      byBoth: "Email and text message",
      byNeither: "Don't tell me (I'll see messages when I sign in)",
      textNeedsPhone: "To choose text messages, add and confirm your mobile number first.",
      saveNotify: "Save",
      errors: {
        invalidNumber: "Enter a mobile number, for example (555) 123-4567.",
        enterCode: "Enter the 6-digit code from the text.",
        wrongCode: "That code is not right. Check the text and try again.",
        expired: "That code has expired. Get a new one.",
        used: "That code was already used. Get a new one if you need to.",
        tooManyTries: "Too many wrong codes. Get a new one.",
        noCode: "Get a code first.",
        tooManyCodes: "We've sent several codes already. Please wait an hour, then try again.",
        chooseOne: "Choose one of the options.",
        needsPhone: "To get text messages, add and confirm your mobile number first.",
      },
      notices: {
        codeSent: "We sent you a code by text. Type it below.",
        verified: "Your mobile number is confirmed.",
        notifySaved: "Saved: this is how we'll tell you when a teacher writes.",
      },
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
  home: {
    title: "Home",
    hello: msg<[name: string]>("Hello, {name}", "name"),
    noChildren:
      "No children are connected to your account yet. Open the invitation link your child's school sent you; if you have none, ask your child's teacher to invite you.",
    /** After the school's name on a child's card; the grade as the district wrote it. */
    grade: msg<[grade: string]>("Grade {grade}", "grade"),
    /** After onboarding: `names` is already a list ("Maya and Leo"), `count` how many. */
    connected: msg<[names: string, count: number]>("{count, plural, one {Welcome! {names} is now connected to your account.} other {Welcome! {names} are now connected to your account.}}", "names", "count"),
    notAddedIntro: "Some children were not added:",
    notAddedItem: msg<[name: string, school: string, reason: string]>("{name} ({school}): {reason}.", "name", "school", "reason"),
    notAddedReasons: {
      used: "that invitation was already used",
      revoked: "the school withdrew that invitation",
      disputed: 'that invitation was marked "not my child"',
      expired: "that invitation expired",
      unknown: "that invitation could not be used",
    },
    askForNewInvitation: "Please contact the school for a new invitation.",
    /** The button on each card and on the Instant Login page. */
    instantLogin: "Instant Login",
    /** Read by screen readers after a button's name: "Instant Login for Maya". */
    forChild: msg<[name: string]>("for {name}", "name"),
    whatHappens:
      "Your child will be signed in on this device, and you will be signed out of Family Portal, so they can't see your account. To come back, sign in again.",
    /** The link to a child's badge page. */
    badge: "Badge",
    linksHeading: "Links from your district",
    /** After a link's text, for screen readers (the link opens a new tab). */
    opensInNewTab: "(opens in a new tab)",
    // The public landing page (signed out).
    landingTitle: "Welcome",
    landingIntro: "One place to help your child log in to school, find your district's links, and message your child's teachers.",
    newHere: "New here?",
    howToStart:
      "Invitations come from your child's school, by email or text message. Open the link in that message to get started. If you have not received one, ask your child's teacher to invite you.",
    accountDeleted: "Your account is deleted. Thank you for using Family Portal.",
    // The Instant Login page (GET /children/:id/instant-login).
    instantLoginFor: msg<[name: string]>("Instant Login for {name}", "name"),
    instantLoginExplains: msg<[name: string]>("Instant Login signs {name} in to their school portal on the device you are using now, without a password.", "name"),
    handToChild: "Use it on a device you can hand to your child. The school portal signs them out after eight hours.",
    backHome: "Back to home",
    childNotFound: "Child not found",
    childNotFoundBody: "This child is not connected to your account. If you think that is wrong, ask your child's school.",
  },

  // ---- badges: a child's badge (parent side) and badge login at /badges
  badges: {
    backHome: "← Home",
    title: msg<[name: string]>("{name}'s badge", "name"),
    /** The page's heading when there is no badge to show, and the QR code's label: "Badge for Maya Lopez". */
    badgeFor: msg<[name: string]>("Badge for {name}", "name"),
    fresh: msg<[name: string]>("This is {name}'s first badge. It was made just now.", "name"),
    pin: "PIN",
    pinHint: "Your child types this after showing the badge. Keep it to yourselves: it is not on the printed or downloaded badge.",
    howToUse: "How to use it",
    /** `**…**` is shown in bold. */
    steps: {
      open: "Open the badge on your phone (save the image to your photos so it is always at hand).",
      goTo: msg<[address: string]>("On your child's device, open the web browser and go to **{address}**.", "address"),
      holdUp: "Hold your phone up to the webcam with the badge showing. Your child is logged in automatically.",
    },
    download: "Download the badge image",
    print: "Print",
    saveHint: 'On a phone, open the downloaded image and choose "Save Image" or "Save to Photos", so the badge is in your photos.',
    keepPrivate: msg<[name: string]>("Keep the badge private: anyone who holds it up to a webcam is logged in as {name}. If it is lost or shared, ask the school for a new one; the old one stops working at once.", "name"),
    // The print page.
    backToBadge: msg<[name: string]>("← Back to {name}'s badge", "name"),
    printTitle: msg<[name: string]>("Print {name}'s badge", "name"),
    printHow: "Use your browser's Print command (Ctrl+P, ⌘P, or Share → Print on a phone). Only the badge below is printed.",
    /** Under the code on the printed badge and in the badge image (the image's font has Latin letters and their accents only). */
    showToWebcam: msg<[address: string]>("Show to the webcam at {address}", "address"),
    // When there is no badge to show.
    notUsed: msg<[name: string]>("Badges are not used for {name} at this school.", "name"),
    notUsedWhy: "Your school district decides which students use badges. If you have questions, please ask your child's school.",
    voided: msg<[name: string]>("{name}'s badge was turned off by the school, so it no longer works.", "name"),
    voidedAsk: msg<[name: string]>("Please ask {name}'s teacher or school for a new one. Once they make it, it shows up here.", "name"),
    unavailableTitle: "Badges unavailable",
    unavailableHeading: "Badges can't be shown right now",
    unavailableBody: "Something is not set up on our side. Please try again later, or ask your child's school.",
    // Badge login at /badges, on the child's device.
    loginTitle: "Log in with your badge",
    /** The only failure message: nothing about why is revealed. */
    failed: "That badge didn't work. Ask your teacher for a new one.",
    signedInParent: "A parent is signed in on this device. Logging in with a badge signs them out here.",
    signedInTeacher: "A teacher is signed in on this device. Logging in with a badge signs them out here.",
    needsJs: "The camera needs JavaScript, which is off in this browser.",
    needsJsWhy: "You can still log in: choose the badge picture below.",
    needsJsWhat: "Or turn JavaScript on, or use another device that has a camera. A grown-up can also ask the teacher for a printed badge.",
    cameraView: "What the camera sees",
    holdUpWhole: "Hold the badge up to the camera, with the whole square code showing.",
    retryCamera: "Try the camera again",
    noCamera: "No camera?",
    chooseLabel: "Choose the badge picture",
    chooseHint: "If the badge image is saved on this device, choose it here.",
    /** What static/badge-scanner.js says as it works (the page hands them over in data- attributes). */
    scanner: {
      starting: "Starting the camera…",
      holdUp: "Hold the badge up to the camera.",
      found: "Badge found. Logging in…",
      notABadge: "That code is not a Family Portal badge. Hold up the badge.",
      noCameraApi: "This browser can't use a camera on this page.",
      blocked: "The camera is blocked for this page.",
      notFound: "No camera was found.",
      chooseInstead: "You can choose the badge picture below instead.",
      reading: "Reading the picture…",
      pictureNotABadge: "That picture has a code, but it is not a Family Portal badge.",
      pictureNoBadge: "No badge was found in that picture. Choose a clear picture of the whole badge.",
      pictureUnreadable: "That picture could not be read. Choose the badge image (a PNG or a photo).",
    },
    /** On /badges after a child's "Sign out". */
    signedOut: "You're logged out on this device. To log in again, show your badge.",
    /** The upload form that works without JavaScript or a camera: the server reads the picture. */
    picture: {
      limit: msg<[size: string]>("It must be a PNG file of up to {size}.", "size"),
      submit: "Log in with this picture",
      missing: "Choose the badge picture first.",
      noBadge: "No badge was found in that picture. Choose the badge picture saved from Family Portal (a PNG file).",
      tooLarge: msg<[size: string]>("That picture is too large. Choose one of {size} or less: the badge picture saved from Family Portal is much smaller.", "size"),
    },
    // The PIN step.
    pinTitle: "Type your PIN",
    pinIntro: "Your badge worked. Now type the 6-digit PIN that goes with it.",
    logIn: "Log in",
    scanAgain: "Scan again",
    pinMissing: "Please type the 6-digit PIN.",
    pinWrong: "That PIN didn't match. Check it and try again.",
    // Too many tries from one device.
    tooManyTitle: "Too many tries",
    tooMany: msg<[wait: string]>("This device tried to log in with a badge many times in a short while. Please wait {wait} and try again.", "wait"),
    backToLogin: "Back to the badge login",
  },

  // ---- student: the student portal
  student: {
    title: msg<[name: string]>("{name}'s school links", "name"),
    hi: msg<[name: string]>("Hi, {name}!", "name"),
    linksLabel: "Your school's links",
    noLinks: "Your school has not added any links here yet.",
    sharedDevice: "On a shared computer, sign out when you are done.",
  },

  // ---- ideas: Ideas and suggestions
  ideas: {
    title: "Ideas",
    heading: "Ideas for learning at home",
    /** `[…](#suggest)` is a link to the form below. */
    intro:
      "Short, practical things to try with your child tonight, from trusted organisations. Each title opens the organisation's own website. Know a good one? [Suggest an idea](#suggest).",
    topics: {
      reading: "Reading",
      math: "Math",
      science: "Science",
      wellbeing: "Wellbeing",
      "digital-life": "Digital life",
      "study-habits": "Study habits",
    },
    grades: {
      "K-2": "Grades K–2",
      "3-5": "Grades 3–5",
      "6-8": "Grades 6–8",
      "9-12": "Grades 9–12",
      all: "All ages",
    },
    filters: "Filter ideas",
    topic: "Topic",
    allTopics: "All topics",
    grade: "Grade",
    allGrades: "All grades",
    /** "27 ideas." or, with the children's grade bands, "27 ideas; ideas for your children's grades (K–2, 3–5) come first." */
    countLine: msg<[count: number, bands: string | null]>("{count, plural, one {1 idea} other {# ideas}}{bands, select, none {.} other {; ideas for your children's grades ({bands}) come first.}}", "count", "bands"),
    /** On an idea written in another language than the page's: the language's name comes from Intl.DisplayNames. */
    inLanguage: msg<[language: string]>("In {language}", "language"),
    noMatch: "No ideas match yet.",
    showAll: "Show all ideas",
    suggest: {
      heading: "Suggest an idea",
      thanks: "Thank you! Your suggestion was sent to the Family Portal team. We read every one.",
      intro: "Found a website, activity or habit that helps your child learn at home? Tell us about it and we may add it here for every family.",
      label: "Your idea",
      hint: msg<[min: number, max: number]>("What it is, and a link if there is one ({min, number} to {max, number} characters).", "min", "max"),
      topicLabel: "Topic (optional)",
      noTopic: "No particular topic",
      send: "Send suggestion",
      missing: "Please write your idea.",
      tooShort: msg<[min: number]>("Please write at least {min, number} characters, so we understand the idea.", "min"),
      tooLong: msg<[max: number]>("Please keep it under {max, number} characters.", "max"),
      unknownTopic: "Please choose a topic from the list.",
      tooMany: msg<[minutes: number]>("You have sent several suggestions in the last hour. Thank you! Please try again in {minutes, plural, one {1 minute} other {# minutes}}.", "minutes"),
    },
  },

  // ---- help: the Help page
  help: {
    title: "Help",
    intro:
      "Answers to the questions families ask most. Invitations, children and Badges are managed by your child's school district: for anything not here, please contact the school.",
    contents: "Questions",
    /**
     * Each question (its key is the section's anchor) and its answer: paragraphs, and a list of
     * steps where the answer has one. `**…**` is bold (a button's or heading's name, as the page
     * shows it); `[text](/path)` is a link.
     */
    questions: {
      "setting-up": {
        q: "How do I set up my account?",
        a: [
          [
            "Your child's school sends you an invitation by email or text message. Open its link.",
            "Check the school and your child's name. If they are right, press **Yes, this is my child**.",
            "Create your account. Choose **Continue with Google** (the Google account does not have to be the address the invitation went to) or **Continue with email** and pick a password. With email, we send you a message to confirm your address; after you confirm, you are signed in.",
          ],
          "Please use **your own personal email address**, not your child's school email address. A student's school address cannot be used for a family account.",
          "No invitation? Ask your child's teacher or school to invite you.",
        ],
      },
      "several-children": {
        q: "I have more than one child. How do I connect them all?",
        a: [
          "The school sends one invitation for each child. Open each invitation and confirm the child. When several invitations went to the same address, we show you the others right after the first one, so you can confirm them together.",
          "You confirm your email address only once. If you already have an account, sign in when asked and the child is added to it.",
        ],
      },
      "missing-child": {
        q: "I don't see all of my children. Who can help?",
        a: [
          "Your child's school district decides which addresses are connected to each student. If you did not get an invitation for one of your children, contact the school or the district's help desk and ask them to send one to the address you use here.",
        ],
      },
      "several-guardians": {
        q: "Can two parents or guardians connect to the same child?",
        a: [
          "Yes. Each parent or guardian needs their own email address and their own invitation, and each one accepts the invitation sent to them. If one of you did not get an invitation, ask the school to send one.",
        ],
      },
      "expired-invitation": {
        q: "My invitation expired. Can I get a new one?",
        a: [
          "Yes. Invitations only work for a limited time (usually two weeks). Open the old link anyway: the page says the invitation has expired and offers a **Send me a fresh invitation** button. The new invitation goes to the same address. If that does not work, contact your child's school.",
        ],
      },
      "change-email": {
        q: "Can I change the email address of my account?",
        a: [
          "No, the email address of an account cannot be changed. To use a different address, ask your child's school district to send a new invitation for each child to that address, then create an account with it.",
        ],
      },
      "change-name": {
        q: "How do I change my name?",
        a: [
          "Select your name at the top of the page and choose [Account settings](/account). Under **Name**, type the name you want and press **Save name**. Teachers see this name.",
        ],
      },
      "wrong-child": {
        q: "The child shown is not my child. What do I do?",
        a: [
          "If the invitation shows a child who is not yours, press **This is not my child**. The invitation stops working and the school is told, so they can fix it.",
          "If a child who is not yours is already on your home page, please do not use their login tools. Contact the school straight away, tell them your district and the child's name, and they will disconnect you.",
        ],
      },
      "forgot-password": {
        q: "I forgot my password.",
        a: [
          "Go to [Forgot your password?](/forgot-password) (also linked from the sign-in page) and enter your email address. If your account has a password, we email you a link to choose a new one; the link works for one hour. If you signed up with Google, you have no password here: use **Continue with Google** instead.",
        ],
      },
      "instant-login": {
        q: "What does Instant Login do?",
        a: [
          "Each child's card on your home page has an **Instant Login** button. It signs your child in to their student page on the device you are using, so they can open their school's links straight away.",
          "To protect your account and your other children's information, Instant Login first **signs you out** of Family Portal on that device. To come back to your account afterwards, sign in again.",
        ],
      },
      badges: {
        q: "What is a Badge, and how does my child use it?",
        a: [
          "A Badge is a picture with a QR code that logs your child in, without typing. Open **Badge** on your child's card, then save the image to your phone's photos or print it.",
          [
            "Open the Badge on your phone.",
            "On your child's device, open the **/badges** page of this site in the web browser.",
            "Hold the Badge up to the camera. Your child is logged in. No camera? Choose the Badge image file instead.",
          ],
          "Not every student has a Badge: the school district decides. If the card says badges are not used, that is your district's choice. Keep the Badge private, like a password; if it is lost or shared, ask the teacher or school for a new one and the old one stops working.",
        ],
      },
      "district-links": {
        q: "What are the links on my home page?",
        a: [
          "Below the login tools, your district may add links for families, such as the school calendar or lunch menus. They open the district's own websites. The district chooses these links; if one does not work, tell the school.",
        ],
      },
      ideas: {
        q: "What is the Ideas tab?",
        a: [
          "[Ideas](/ideas) are short, practical things to try at home, chosen from trusted organisations such as libraries, museums and children's health groups. Filter them by topic and grade; each one opens the organisation's website in a new tab. Know a good one? Use **Suggest an idea** at the bottom of the Ideas page.",
        ],
      },
      messages: {
        q: "How do messages with teachers work?",
        a: [
          "The **Messages** tab appears once a teacher has written to you. You can reply in that conversation, but you cannot start a new one; if a teacher is missing, email them and ask them to write to you here.",
          "Messages are text only: no photos, videos or attachments.",
          "If a message stays unread for three hours, we send you one email with a link to it. You can turn these emails off (or get a text message instead) in [Account settings](/account), under **When a teacher writes**.",
        ],
      },
    },
    /**
     * The tour for new parents (/tour): one short sentence per step, and each step's picture (a phone
     * screenshot of that step; the text alternative says what it shows, names as in the pictures).
     */
    tour: {
      title: "How Family Portal works",
      intro: "From the school's invitation to your first message with the teacher, in seven steps. The pictures show each step on a phone.",
      /** The link to the tour, on the welcome page, home and Help. */
      link: "See how it works, step by step",
      /** Above each step's heading. */
      step: msg<[n: number, total: number]>("Step {n} of {total}", "n", "total"),
      steps: {
        invitation: {
          title: "The invitation",
          text: "Your child's school sends you an email or a text message. Open the link in it.",
          alt: "An email from Lakeside Schools inviting the parent to Family Portal for Maya Lopez, with an Accept the invitation button.",
        },
        confirm: {
          title: "Confirm your child",
          text: "Check the school and your child's name. If they are right, press Yes, this is my child.",
          alt: "The page Is this your child?, showing the school, Lakeside Elementary, and the child, Maya Lopez, with the buttons Yes, this is my child and This is not my child.",
        },
        account: {
          title: "Create your account",
          text: "Write your name, your own email address and a password. We send you an email: open it to confirm your address.",
          alt: "The page Create your account: the child it is for, then the form, with the parent's name filled in.",
        },
        home: {
          title: "Your home page",
          text: "Each of your children has a card here, with Instant Login and their Badge. Your district's links are below.",
          alt: "The home page: Hello, Ana Lopez, and Maya Lopez's card with the Instant Login and Badge buttons, then Links from your district.",
        },
        "instant-login": {
          title: "Instant Login",
          text: "Press Instant Login and hand the phone to your child: they are signed in to their school portal, and you are signed out.",
          alt: "The student portal after Instant Login: Hi, Maya!, the school calendar link and a Sign out button.",
        },
        badge: {
          title: "The Badge",
          text: "On another device, your child can sign in by showing their Badge to the camera. Save it to your photos or print it.",
          alt: "The page Maya's badge, with a large QR code.",
        },
        messages: {
          title: "Messages with teachers",
          text: "When a teacher writes to you, Messages appears at the top. Read it and answer there.",
          alt: "A conversation with the teacher, Lena Ortiz: her message that Maya read a whole chapter book today, and the parent's answer.",
        },
      },
      /** After the steps. `[…](/help)` is a link. */
      more: "More questions? [Help](/help) answers the ones families ask most.",
    },
  },

  // ---- messages: the parent's and the teacher's conversations
  messages: {
    title: "Messages",
    /** A conversation's page title and the way back to it. */
    threadTitle: msg<[name: string]>("Messages with {name}", "name"),
    allMessages: "← All messages",
    olderConversations: "Older conversations",
    youWroteLast: "you wrote last",
    /** After the number of new messages in a conversation list. */
    newCount: msg<[count: number]>("{count} new", "count"),
    textOnlyNote: "Messages are text only: photos, videos and attachments aren't supported.",
    /** Above the message box; `max` is already formatted ("2,000"). */
    textOnlyHint: msg<[max: string]>("Text only: photos, videos and attachments can't be sent. Links are fine. Up to {max} characters.", "max"),
    opensInNewTab: "(opens in a new tab)",
    you: "You",
    earlierMessages: "Earlier messages",
    newestMessages: "Newest messages",
    liveHint: "New messages appear here by themselves.",
    checkForNew: "Check for new messages",
    /** The message box's counter as one types (static/enhance.js puts the number where `n` is). */
    counter: {
      left: msg<[n: string]>("{n} characters left", "n"),
      one: "1 character left",
      over: msg<[n: string]>("{n} characters too many", "n"),
    },
    aboutWith: msg<[child: string, withName: string]>("About {child}. Only you and {withName} see this conversation.", "child", "withName"),
    notSent: "Your message wasn't sent. Please see below.",
    send: "Send",
    /** Shown for a guardian who deleted their account, and for what they had written. */
    formerGuardian: "Former guardian",
    removedMessage: "(This message was removed when its writer deleted their account.)",

    // the parent's pages
    parentIntro: "Conversations with your children's teachers. A teacher starts each conversation; you can reply in any of them.",
    parentNone: "No messages yet. When one of your children's teachers writes to you, the conversation shows up here.",
    aboutChild: msg<[firstName: string]>("about {firstName}", "firstName"),
    unreadEmailsOn: msg<[delay: string]>("If a message is still unread after {delay}, we send you one email with a link to it.", "delay"),
    unreadEmailsOff: "Emails about unread messages are off.",
    changeInAccountSettings: "Change this in Account settings",
    teacherMissing: "Don't see one of your children's teachers? Teachers start conversations here, so email them directly to ask.",
    parentEmpty: "No messages here yet.",
    replyTo: msg<[teacher: string]>("Reply to {teacher}", "teacher"),
    teacherTurnedOff: msg<[teacher: string]>("{teacher} has turned off Messages for now, so you can't reply here. You can still read this conversation. To reach {teacher}, contact the school.", "teacher"),
    teacherLeft: msg<[teacher: string, child: string]>("{teacher} no longer teaches {child}, so you can't reply here. You can still read this conversation. The school can tell you who teaches {child} now.", "teacher", "child"),
    draftNotSent: "Your message (not sent)",
    notFound: {
      title: "Conversation not found",
      text: "This conversation isn't one of yours, or it is no longer available.",
      back: "Back to messages",
    },

    // what a message form says when it cannot send
    form: {
      missing: "Write your message in the box, then press Send.",
      empty: "Your message is empty. Write something, then press Send.",
      /** `max` and `count` are already formatted. */
      tooLong: msg<[max: string, count: string]>("Messages can be at most {max} characters, and this one has {count}. Please shorten it, or send it in parts.", "max", "count"),
      outOfDate: "This form is out of date. Reload the page, then send your message again.",
      unknownFields: "This form had fields we don't know. Reload the page and try again.",
      /** After a 429; `when` is one of tryAgainIn's. */
      tooMany: msg<[when: string]>("You've sent a lot of messages in a short time, so this one wasn't sent. Please try again {when}: what you wrote is still here.", "when"),
      tryAgainInSeconds: msg<[s: number]>("{s, plural, one {in # second} other {in # seconds}}", "s"),
      tryAgainInMinutes: msg<[m: number]>("{m, plural, =1 {in a minute} other {in # minutes}}", "m"),
      tryAgainInHours: msg<[h: number]>("{h, plural, =1 {in an hour} other {in # hours}}", "h"),
    },

    // the unread-message email (it never includes the message itself)
    unreadEmail: {
      subject: msg<[writer: string, child: string]>("Unread message from {writer} about {child}", "writer", "child"),
      waiting: msg<[writer: string, child: string, delay: string]>("{writer} sent you a message about {child} on Family Portal, and it has been waiting for {delay}.", "writer", "child", "delay"),
      privacy: "For your privacy this email doesn't include the message.",
      openToRead: "For your privacy this email doesn't include the message. Open the conversation to read it and reply:",
      button: "Read and reply",
      /** Each ends with ":" before the link in the text email (a "." in HTML). */
      turnOffParent: "You get one email like this when a message stays unread for a while. Turn these emails off in Account settings:",
      turnOffTeacher: "You get one email like this when a family's message stays unread for a while. Turn these emails off in Settings:",
      parentSettings: "Account settings",
      teacherSettings: "Settings",
      footer: "Family Portal",
    },
    // texts (SMS): the unread notice, replies by text, STOP/START/HELP (src/sms/). Short: every character costs.
    sms: {
      /** Names may be shortened to fit two SMS; the link never is. */
      notice: msg<[writer: string, child: string]>("Family Portal: new message from {writer} about {child}.", "writer", "child"),
      preview: msg<[start: string]>("\"{start}\"", "start"),
      replyHint: "Reply to this text to answer, or read it here:",
      choose: "Family Portal: we couldn't tell which conversation your text was for, so it wasn't sent. Open your messages to answer:",
      notSent: "Family Portal: your text could not be sent to the teacher. Open the conversation to see why:",
      stopped: "Family Portal: you won't get any more texts from us. Text START to get them again.",
      started: "Family Portal: you'll get texts from us again. Text STOP to stop them.",
      help: "Family Portal sends texts about messages from your child's teachers. Text STOP to stop them. Help:",
      /** The small mark on a message that came by text. */
      byText: "by text",
    },
    // automatic translation of the other side's messages (src/messaging/translate-page.ts)
    translation: {
      mark: "Translated automatically",
      showOriginal: msg<[language: string]>("Show the original ({language})", "language"),
      failed: "This message could not be translated just now, so it is shown as written. We'll try again the next time you open the conversation.",
      asWritten: "Messages are shown as written: automatic translation is not set up on this portal.",
    },
    /** The conversation lists: one line of the newest message. */
    list: {
      yours: msg<[text: string]>("You: {text}", "text"),
    },
  },

  // ---- teacher: teacher sign-in, classes, class badges, settings, starting conversations
  teacher: {
    // automatic translation: the family's language on a conversation, and the setting to turn it off
    translation: {
      familyLanguage: msg<[language: string]>("Family's language: {language}", "language"),
      settingsTitle: "Translation of families' messages",
      on: "On: a family's message in another language is shown translated into yours, with the original one tap away.",
      off: "Off: families' messages are shown as written.",
      hint: "Families always get your messages in their own language, whatever you choose here.",
      turnOn: "Turn translation on",
      turnOff: "Turn translation off",
      doneOn: "Families' messages in other languages are now shown translated.",
      doneOff: "Families' messages are now shown as written.",
      choose: "Choose whether translation is on or off.",
    },
    // sign-in: the page, the link's page, and the email
    signIn: {
      title: "Teacher sign-in",
      withGoogle: "With Google",
      googleHint: "Use the Google account of the email address your school has on its roster.",
      googleButton: "Sign in with Google",
      googleOff: "Google sign-in is not set up on this server, so please use an email link below.",
      withLink: "With an email link",
      emailLabel: "Your school email address",
      emailHint: "The address on your school's roster. We'll email you a link that signs you in once, within 15 minutes.",
      emailButton: "Email me a sign-in link",
      emailInvalid: "Enter the email address your school has on its roster, like name@school.org.",
      signedInAsParent: "You're signed in as a parent on this device. Signing in as a teacher ends that session here.",
      signedInAsStudent: "You're signed in as a student on this device. Signing in as a teacher ends that session here.",
      sent: "If that address belongs to a teacher on a roster, we've sent a link. Check your inbox (and spam folder): the link works once, within 15 minutes.",
      parentQuestion: "Parent or guardian?",
      parentLink: "Sign in here",
      tooManyTitle: "Please wait a little",
      tooMany: msg<[minutes: number]>("{minutes, plural, one {Several sign-in links were asked for this address recently. To protect the inbox, please wait about # minute and ask again, or use the newest link you already have.} other {Several sign-in links were asked for this address recently. To protect the inbox, please wait about # minutes and ask again, or use the newest link you already have.}}", "minutes"),
      choiceTitle: "Sign in to Family Portal",
      /** Before the teacher's name (in bold), then ", district." */
      signingInAs: "You're signing in as",
      signInButton: "Sign in",
      severalDistricts: "Your address is on the roster of more than one school district. Which one would you like to sign in to?",
      districtAs: msg<[district: string, name: string]>("{district} (as {name})", "district", "name"),
      chooseDistrict: "Please choose the district to sign in to.",
      expiredTitle: "This sign-in link no longer works",
      expired: "Sign-in links work once, within 15 minutes. This one was already used or has run out. Ask for a new one below.",
      googleRefusedTitle: "We couldn't sign you in with Google",
      googleRefused:
        "Use the Google account of the email address your school has on its roster, or ask for an email link instead. If this keeps happening, contact your district office.",
    },
    signInEmail: {
      subject: "Your Family Portal sign-in link",
      hello: msg<[name: string]>("Hello {name},", "name"),
      someone: "Someone, probably you, asked to sign in to Family Portal as a teacher with this email address.",
      signIn: "Sign in:",
      button: "Sign in to Family Portal",
      /** `until` is a time with its zone, e.g. "3:20 PM EST". */
      rules: msg<[until: string]>("The link works once and only for 15 minutes (until {until}). If it has run out, ask for a new one on the sign-in page.", "until"),
      /** `list` is already a list ("North, and South"). */
      severalDistricts: msg<[count: number, list: string]>("Your address is on the roster of {count} school districts ({list}). After opening the link, choose which one to sign in to.", "count", "list"),
      ignore: "Didn't ask for this? You can ignore this email: nobody can sign in without the link.",
    },

    // classes: the landing page and a class's page
    classes: {
      title: "My classes",
      signedInAs: msg<[name: string]>("Signed in as {name}.", "name"),
      allClasses: "← All my classes",
      none: "You have no classes on the roster yet. Your district adds them through its student information system.",
      footnote:
        "Connected guardians have accepted an invitation and confirmed the child. Invitations go to the contacts your district has on record; a revoked or disputed one is for the district to sort out.",
      schoolAndCount: msg<[school: string, count: number]>("{count, plural, one {{school} · # student} other {{school} · # students}}", "school", "count"),
      messageAll: "Message all families",
      messageAllLabel: msg<[section: string]>("Message all families of {section}", "section"),
      badges: "Badges:",
      voidOrNew: "Void or make new badges",
      voidOrNewLabel: msg<[section: string]>("Void or make new badges for {section}", "section"),
      printBadges: "Print badges",
      printBadgesLabel: msg<[section: string]>("Print badges for {section}", "section"),
      noStudents: "No students are enrolled in this class yet.",
      student: "Student",
      connectedGuardians: "Connected guardians",
      contactsAndInvitations: "Contacts on record and invitations",
      contacts: "Contacts",
      grade: msg<[grade: string]>("grade {grade}", "grade"),
      messageFamily: "Message family",
      messageFamilyLabel: msg<[guardian: string, student: string]>("Message family: {guardian} about {student}", "guardian", "student"),
      /** Beside a family whose reply the teacher has not read yet (a link to the conversation). */
      unread: {
        newReply: "New reply",
        newReplyLabel: msg<[guardian: string, student: string]>("New reply from {guardian} about {student}", "guardian", "student"),
      },
      noneYet: "None yet",
      noContacts: "No contacts on record (the district adds them)",
      /** The family's language, named in the teacher's language ("Spanish"). */
      language: msg<[name: string]>("Language: {name}", "name"),
      status: {
        notInvited: "Not invited yet",
        pending: msg<[date: string]>("Pending (link works until {date})", "date"),
        expired: msg<[date: string]>("Expired on {date}", "date"),
        accepted: "Accepted",
        revoked: "Revoked by the district",
        disputed: 'Disputed ("not my child")',
      },
      send: "Send invitation",
      sendAgain: "Send again",
      sendNew: "Send a new invitation",
      sendLabel: msg<[label: string, contact: string, student: string]>("{label} to {contact} for {student}", "label", "contact", "student"),
      notice: {
        thisContact: "this contact",
        theStudent: "the student",
        resent: msg<[contact: string, student: string]>("A new invitation is on its way to {contact} for {student}. Links sent earlier no longer work.", "contact", "student"),
        created: msg<[contact: string, student: string]>("An invitation is on its way to {contact} for {student}.", "contact", "student"),
        accepted: msg<[contact: string, student: string]>("{contact} has already accepted the invitation for {student}: nothing to send.", "contact", "student"),
        revoked: msg<[contact: string, student: string]>("The district withdrew the invitation to {contact} for {student}, so it can't be sent again from here. Please ask your district office.", "contact", "student"),
        disputed: msg<[contact: string, student: string]>("{contact} said {student} is not their child, so nothing was sent. The district needs to check this contact first; please let your district office know.", "contact", "student"),
        alreadyPending: msg<[contact: string, student: string]>("Another invitation to {contact} for {student} is already on its way; its status is below.", "contact", "student"),
        rateLimited: "You've sent a lot of invitations in a short time, so this one was not sent. Please try again in a little while.",
      },
      notFound: {
        title: "Class not found",
        text: "This class isn't one of yours, or it is no longer on the roster.",
        back: "Back to my classes",
      },
    },

    // a class's badges and the printable label sheet
    badges: {
      title: msg<[section: string]>("Badges · {section}", "section"),
      notFoundTitle: "Not found",
      summary: msg<[school: string, using: number, total: number]>("{total, plural, one {{school} · {using} of # student use badges} other {{school} · {using} of # students use badges}}", "school", "using", "total"),
      theStudent: "The student",
      notice: {
        regenerated: msg<[student: string]>("{student} has a new badge. The old one no longer works; print or share the new one.", "student"),
        voided: msg<[student: string]>("{student}'s badge no longer works.", "student"),
        classRegenerated: msg<[count: number]>("{count, plural, one {New badges for # student. The old ones no longer work; print the sheet below.} other {New badges for # students. The old ones no longer work; print the sheet below.}}", "count"),
        classRegeneratedSome: "New badges for the students. The old ones no longer work; print the sheet below.",
        noBadge: msg<[student: string]>("{student} has no badge in use, so there was nothing to void.", "student"),
        badgesOff: msg<[student: string]>("Badges are turned off for {student}. Your district decides who uses badges.", "student"),
        classNone: "No student in this class uses badges, so nothing was made.",
        unavailable: "Badges can't be made right now: something is not set up on our side. Please tell your district office.",
      },
      printBadges: "Print badges",
      student: "Student",
      badge: "Badge",
      pin: "PIN",
      change: "Change",
      off: "Badges off (the district decides)",
      noneYet: "No badge yet",
      inUseSince: msg<[date: string]>("In use since {date}", "date"),
      newBadge: "New badge",
      makeBadge: "Make a badge",
      actionFor: msg<[action: string, student: string]>("{action} for {student}", "action", "student"),
      void: "Void",
      voidLabel: msg<[student: string]>("Void {student}'s badge", "student"),
      wholeClassTitle: "New badges for the whole class",
      wholeClass: "Every badge of this class stops working at once and each student who uses badges gets a new one. Do this when badges may have been shared or lost.",
      makeNew: msg<[count: number]>("{count, plural, one {Make # new badge} other {Make # new badges}}", "count"),
      footnote:
        "A badge logs a student in when it is shown to the webcam at the badges page. Voiding it or making a new one stops the old badge at once, on paper and on parents' phones.",
      pinsNote: "Your district also asks for each student's PIN after the scan; PINs are not printed on the labels.",
      sheetTitle: msg<[section: string]>("Badge labels · {section}", "section"),
      printHint: msg<[loginAt: string]>("Use your browser's Print command (Ctrl+P or ⌘P). Each badge prints as a 2-inch square label; students show theirs to the webcam at {loginAt}.", "loginAt"),
      noneInUse: "No student in this class has a badge in use.",
      labels: "Badge labels",
      noBadgeTitle: "No badge",
      noBadge: msg<[student: string]>("{student}: no badge", "student"),
      noBadgeOff: msg<[student: string]>("{student}: no badge (badges are off for this student)", "student"),
      /** The QR code's text alternative. */
      qrAlt: msg<[student: string]>("Badge for {student}", "student"),
      /** The pages that ask before a badge stops working (issue 14: nothing destructive in one tap). */
      confirm: {
        voidTitle: msg<[student: string]>("Void {student}'s badge?", "student"),
        voidWhat: msg<[first: string]>("{first}'s badge stops working at once: the printed badge and the badge picture on the family's phone no longer log in. Anyone logged in with it on a school device is signed out.", "first"),
        voidAfter: msg<[first: string]>("{first} can't log in with a badge again until you make a new one.", "first"),
        voidButton: "Void the badge",
        newTitle: msg<[student: string]>("Make a new badge for {student}?", "student"),
        newWhat: msg<[first: string]>("{first}'s badge in use now stops working at once: the printed badge and the badge picture on the family's phone no longer log in. Anyone logged in with it on a school device is signed out.", "first"),
        newAfter: "The family sees the new badge in Family Portal; print it again for school.",
        newButton: "Make a new badge",
        classTitle: msg<[section: string]>("Make new badges for {section}?", "section"),
        classWhat: msg<[count: number]>("{count, plural, =0 {No badge is in use in this class now, so nothing stops working.} one {The # badge in use in this class stops working at once: the printed badge and the badge picture on the family's phone no longer log in. A student logged in with it on a school device is signed out.} other {The # badges in use in this class stop working at once: printed badges and the badge pictures on families' phones no longer log in. Students logged in with them on school devices are signed out.}}", "count"),
        classAfter: msg<[count: number]>("{count, plural, one {# student who uses badges gets a new one: print the new sheet; the family sees it in Family Portal.} other {# students who use badges get new ones: print the new sheet; families see them in Family Portal.}}", "count"),
        cancel: "Cancel",
      },
    },

    // messages: the teacher's list, a conversation, a new message, a whole class
    messages: {
      offNoReplies: "Your Messages are off, so families can't reply and you can't start new conversations.",
      offCantStart: "Your Messages are off, so you can't start new conversations.",
      offGuardianCantReply: msg<[guardian: string]>("Your Messages are off, so {guardian} can read this conversation but can't reply.", "guardian"),
      turnOnInSettings: "Turn them on in Settings",
      sentAll: msg<[count: number]>("{count, plural, one {Sent to # family. Each family has its own conversation with you below.} other {Sent to # families. Each family has its own conversation with you below.}}", "count"),
      sentSome: msg<[sent: number, total: number, failed: number]>("Sent to {sent} of {total} families. {failed} could not be sent; please try again in a moment.", "sent", "total", "failed"),
      /** "No conversations yet. Start one from" + a link to My classes + the rest. */
      noneBefore: "No conversations yet. Start one from",
      noneLink: "My classes",
      noneAfter: ': "Message family" next to a connected guardian, or "Message all families" for a whole class.',
      aboutStudent: msg<[name: string]>("about {name}", "name"),
      noLongerConnected: "no longer connected",
      empty: "No messages here yet. Write the first one below.",
      writeTo: msg<[guardian: string]>("Write to {guardian}", "guardian"),
      disconnected: msg<[guardian: string, child: string]>("{guardian} is no longer connected to {child} in Family Portal, so new messages can't be sent here.", "guardian", "child"),
      refusedDisconnected: msg<[guardian: string, child: string]>("{guardian} is no longer connected to {child}, so this can't be sent.", "guardian", "child"),
      newTitle: msg<[guardian: string]>("Message {guardian}", "guardian"),
      backToClasses: "← My classes",
      newAbout: msg<[child: string, guardian: string]>("About {child}. This starts a conversation that only you and {guardian} see; they can reply to you here.", "child", "guardian"),
      yourMessage: "Your message",
      couldNotSend: "Your message couldn't be sent just now. Please try again in a moment.",
      broadcastTitle: msg<[section: string]>("Message all families of {section}", "section"),
      noFamilies: "No families of this class are connected to Family Portal yet. Once a guardian accepts their invitation, you can write to them here.",
      noOneToSend: "No families of this class are connected yet, so there is no one to send this to.",
      goesTo: msg<[guardians: number, students: number]>("This goes to {guardians, plural, one {# guardian} other {# guardians}} of {students, plural, one {# student} other {# students}}.", "guardians", "students"),
      eachOwn: "Each family gets it in their own conversation with you: no family sees another family's messages or replies.",
      whoGetsIt: "Who gets it",
      recipient: msg<[guardian: string, child: string]>("{guardian} (about {child})", "guardian", "child"),
      sendTo: msg<[count: number]>("{count, plural, one {Send to # family} other {Send to # families}}", "count"),
      familyNotFound: {
        title: "Family not found",
        text: "This guardian isn't connected to one of your students, or the student isn't in one of your classes.",
        back: "Back to my classes",
      },
    },

    // settings: Messages on/off, the name families see, unread-message emails, language
    settings: {
      title: "Settings",
      checkForm: "Please check the form below.",
      messagesTitle: "Messages",
      messagesOn: "Messages are on: you can write to the families of your students, and they can reply.",
      messagesOff: "Messages are off: families can read earlier conversations but can't reply, and you can't start new ones.",
      turnMessagesOn: "Turn Messages on",
      turnMessagesOff: "Turn Messages off",
      nameTitle: "The name families see",
      nameLabel: "Your name in messages",
      nameHint: msg<[rosterName: string]>("For example \"Ms. Rivera\". Leave it empty to use your name on the roster: {rosterName}.", "rosterName"),
      saveName: "Save name",
      emailsTitle: "Emails about unread messages",
      emailsOn: msg<[delay: string]>("On: when a family's message is still unread after {delay}, you get one email with a link to the conversation (never the message itself).", "delay"),
      emailsOff: "Off: you see new messages when you open Messages, and get no emails about them.",
      turnEmailsOn: "Turn unread-message emails on",
      turnEmailsOff: "Turn unread-message emails off",
      languageTitle: "Language",
      languageHint: "The language of your pages and of the emails Family Portal sends you.",
      saveLanguage: "Save language",
      done: {
        messagesOn: "Messages are on. You can write to families, and they can reply.",
        messagesOff: "Messages are off. Families can't reply, and you can't start new conversations, until you turn them on again.",
        name: "Saved. Families see this name on your messages.",
        notificationsOn: "You'll get an email when a family's message is still unread for a while.",
        notificationsOff: "You won't get emails about unread messages.",
        /** Said in the language just chosen. */
        language: "Saved. Your pages and emails are now in English.",
      },
      errors: {
        chooseMessages: "Choose whether Messages are on or off.",
        chooseEmails: "Choose whether unread-message emails are on or off.",
        nameMissing: "Enter a name, or leave the box empty.",
        nameTooLong: "Use at most 200 characters.",
        chooseLanguage: "Choose one of the languages listed.",
        unknownFields: "This form had fields we don't know. Reload the page and try again.",
      },
    },
  },

  // ---- invitations: what districts send families (invitations, renewals, reminders) and the district-facing words
  invitations: {
    /** The email's subject; `child` is the first name and last initial ("Maya J."). */
    subject: msg<[district: string, child: string, school: string]>("{district}: join Family Portal for {child} at {school}", "district", "child", "school"),
    /** The whole text message. */
    sms: msg<[district: string, firstName: string, school: string, link: string]>("{district}: join Family Portal for {firstName} at {school}: {link}", "district", "firstName", "school", "link"),
    invites: msg<[district: string, fullName: string, school: string]>("{district} invites you to Family Portal for {fullName} at {school}.", "district", "fullName", "school"),
    about: msg<[firstName: string]>("Family Portal is one place to help {firstName} log in to school, find the district's links, and message {firstName}'s teachers.", "firstName"),
    accept: "Accept the invitation",
    /** `date` and `time` are already formatted in this language and the district's time zone. */
    /** `hour`: the hour as `time` shows it (Spanish says "a la 1:30" but "a las 3:30"). */
    singleUse: msg<[date: string, time: string, hour: number]>("This link is just for you and works once. It expires on {date} at {time}; after that you can ask for a fresh one from the same page.", "date", "time", "hour"),
    /** `button`: the invitation page's own words for it (onboarding.notMyChild). */
    notYourChild: msg<[district: string, school: string, button: string]>("Not your child? Open the link and choose \"{button}\": the invitation stops working and {district} is told. Or contact {school}.", "district", "school", "button"),
    sentBy: msg<[district: string]>("Sent by {district} through Family Portal.", "district"),
    /** Before the same message in English, when the family's language has no catalog of its own. */
    englishBelow: "The same message in English:",
    reminder: {
      subject: msg<[subject: string]>("Reminder: {subject}", "subject"),
      note: "Reminder: this invitation expires within a day. Here is a fresh link; earlier links no longer work.",
      sms: msg<[text: string]>("Reminder, expires tomorrow: {text}", "text"),
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
      text: msg<[size: string]>("This form is too large to send (more than {size}). Go back, shorten what you wrote and try again.", "size"),
    },
    /** 400: a form body that cannot be parsed. */
    unreadable: {
      title: "Form not read",
      text: "This form could not be read. Go back, reload the page and try again.",
    },
    /** 405: an address asked with a method it does not take (a form sent to a page that only shows). */
    methodNotAllowed: {
      title: "This page cannot do that",
      text: "This page cannot take what was sent to it. The link or the form may be old. Go back, reload the page and try again.",
    },
    /** 410: something that existed and is no longer there. */
    gone: {
      title: "No longer here",
      text: "What this link pointed to is no longer here. Ask for a new link, or start from the home page.",
    },
    /** 429: too many requests in a short time. */
    tooMany: {
      title: "Please wait a little",
      text: "There were too many tries in a short time. Please wait a few minutes and try again.",
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
    continueWithGoogle: "Continue with Google",
    googleNotSetUp: "Google sign-in is not set up on this Family Portal, so please use your email address.",
    /** Durations ("45 seconds", "a minute", "3 hours"): how long to wait, how long until an email. */
    seconds: msg<[count: number]>("{count, plural, one {# second} other {# seconds}}", "count"),
    aMinute: "a minute",
    minutes: msg<[count: number]>("{count, plural, one {# minute} other {# minutes}}", "count"),
    hours: msg<[count: number]>("{count, plural, one {# hour} other {# hours}}", "count"),
    /** A form that sent fields the page never had (an old page, or a forged form). */
    unknownFields: "This form had fields we don't know. Reload the page and try again.",
  },
};
