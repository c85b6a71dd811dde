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
  messages: {
    title: "Messages",
    /** A conversation's page title and the way back to it. */
    threadTitle: (name: string) => `Messages with ${name}`,
    allMessages: "← All messages",
    olderConversations: "Older conversations",
    youWroteLast: "you wrote last",
    /** After the number of new messages in a conversation list. */
    newCount: (count: number) => `${count} new`,
    textOnlyNote: "Messages are text only: photos, videos and attachments aren't supported.",
    /** Above the message box; `max` is already formatted ("2,000"). */
    textOnlyHint: (max: string) => `Text only: photos, videos and attachments can't be sent. Links are fine. Up to ${max} characters.`,
    opensInNewTab: "(opens in a new tab)",
    you: "You",
    earlierMessages: "Earlier messages",
    newestMessages: "Newest messages",
    liveHint: "New messages appear here by themselves.",
    checkForNew: "Check for new messages",
    aboutWith: (child: string, withName: string) => `About ${child}. Only you and ${withName} see this conversation.`,
    notSent: "Your message wasn't sent. Please see below.",
    send: "Send",
    /** Shown for a guardian who deleted their account, and for what they had written. */
    formerGuardian: "Former guardian",
    removedMessage: "(This message was removed when its writer deleted their account.)",

    // the parent's pages
    parentIntro: "Conversations with your children's teachers. A teacher starts each conversation; you can reply in any of them.",
    parentNone: "No messages yet. When one of your children's teachers writes to you, the conversation shows up here.",
    aboutChild: (firstName: string) => `about ${firstName}`,
    unreadEmailsOn: (delay: string) => `If a message is still unread after ${delay}, we send you one email with a link to it.`,
    unreadEmailsOff: "Emails about unread messages are off.",
    changeInAccountSettings: "Change this in Account settings",
    teacherMissing: "Don't see one of your children's teachers? Teachers start conversations here, so email them directly to ask.",
    parentEmpty: "No messages here yet.",
    replyTo: (teacher: string) => `Reply to ${teacher}`,
    teacherTurnedOff: (teacher: string) =>
      `${teacher} has turned off Messages for now, so you can't reply here. You can still read this conversation. To reach ${teacher}, contact the school.`,
    teacherLeft: (teacher: string, child: string) =>
      `${teacher} no longer teaches ${child}, so you can't reply here. You can still read this conversation. The school can tell you who teaches ${child} now.`,
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
      tooLong: (max: string, count: string) => `Messages can be at most ${max} characters, and this one has ${count}. Please shorten it, or send it in parts.`,
      outOfDate: "This form is out of date. Reload the page, then send your message again.",
      unknownFields: "This form had fields we don't know. Reload the page and try again.",
      /** After a 429; `when` is one of tryAgainIn's. */
      tooMany: (when: string) => `You've sent a lot of messages in a short time, so this one wasn't sent. Please try again ${when}: what you wrote is still here.`,
      tryAgainInSeconds: (s: number) => n(s, { one: `in ${s} second`, other: `in ${s} seconds` }),
      tryAgainInMinutes: (m: number) => (m === 1 ? "in a minute" : `in ${m} minutes`),
      tryAgainInHours: (h: number) => (h === 1 ? "in an hour" : `in ${h} hours`),
    },

    // the unread-message email (it never includes the message itself)
    unreadEmail: {
      subject: (writer: string, child: string) => `Unread message from ${writer} about ${child}`,
      waiting: (writer: string, child: string, delay: string) => `${writer} sent you a message about ${child} on Family Portal, and it has been waiting for ${delay}.`,
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
  },

  // ---- teacher: teacher sign-in, classes, class badges, settings, starting conversations
  teacher: {
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
      tooMany: (minutes: number) =>
        n(minutes, {
          one: `Several sign-in links were asked for this address recently. To protect the inbox, please wait about ${minutes} minute and ask again, or use the newest link you already have.`,
          other: `Several sign-in links were asked for this address recently. To protect the inbox, please wait about ${minutes} minutes and ask again, or use the newest link you already have.`,
        }),
      choiceTitle: "Sign in to Family Portal",
      /** Before the teacher's name (in bold), then ", district." */
      signingInAs: "You're signing in as",
      signInButton: "Sign in",
      severalDistricts: "Your address is on the roster of more than one school district. Which one would you like to sign in to?",
      districtAs: (district: string, name: string) => `${district} (as ${name})`,
      chooseDistrict: "Please choose the district to sign in to.",
      expiredTitle: "This sign-in link no longer works",
      expired: "Sign-in links work once, within 15 minutes. This one was already used or has run out. Ask for a new one below.",
      googleRefusedTitle: "We couldn't sign you in with Google",
      googleRefused:
        "Use the Google account of the email address your school has on its roster, or ask for an email link instead. If this keeps happening, contact your district office.",
    },
    signInEmail: {
      subject: "Your Family Portal sign-in link",
      hello: (name: string) => `Hello ${name},`,
      someone: "Someone, probably you, asked to sign in to Family Portal as a teacher with this email address.",
      signIn: "Sign in:",
      button: "Sign in to Family Portal",
      /** `until` is a time with its zone, e.g. "3:20 PM EST". */
      rules: (until: string) => `The link works once and only for 15 minutes (until ${until}). If it has run out, ask for a new one on the sign-in page.`,
      /** `list` is already a list ("North, and South"). */
      severalDistricts: (count: number, list: string) =>
        `Your address is on the roster of ${count} school districts (${list}). After opening the link, choose which one to sign in to.`,
      ignore: "Didn't ask for this? You can ignore this email: nobody can sign in without the link.",
    },

    // classes: the landing page and a class's page
    classes: {
      title: "My classes",
      signedInAs: (name: string) => `Signed in as ${name}.`,
      allClasses: "← All my classes",
      none: "You have no classes on the roster yet. Your district adds them through its student information system.",
      footnote:
        "Connected guardians have accepted an invitation and confirmed the child. Invitations go to the contacts your district has on record; a revoked or disputed one is for the district to sort out.",
      schoolAndCount: (school: string, count: number) => n(count, { one: `${school} · ${count} student`, other: `${school} · ${count} students` }),
      messageAll: "Message all families",
      messageAllLabel: (section: string) => `Message all families of ${section}`,
      badges: "Badges:",
      voidOrNew: "Void or make new badges",
      voidOrNewLabel: (section: string) => `Void or make new badges for ${section}`,
      printBadges: "Print badges",
      printBadgesLabel: (section: string) => `Print badges for ${section}`,
      noStudents: "No students are enrolled in this class yet.",
      student: "Student",
      connectedGuardians: "Connected guardians",
      contactsAndInvitations: "Contacts on record and invitations",
      contacts: "Contacts",
      grade: (grade: string) => `grade ${grade}`,
      messageFamily: "Message family",
      messageFamilyLabel: (guardian: string, student: string) => `Message family: ${guardian} about ${student}`,
      noneYet: "None yet",
      noContacts: "No contacts on record (the district adds them)",
      /** The family's language, named in the teacher's language ("Spanish"). */
      language: (name: string) => `Language: ${name}`,
      status: {
        notInvited: "Not invited yet",
        pending: (date: string) => `Pending (link works until ${date})`,
        expired: (date: string) => `Expired on ${date}`,
        accepted: "Accepted",
        revoked: "Revoked by the district",
        disputed: 'Disputed ("not my child")',
      },
      send: "Send invitation",
      sendAgain: "Send again",
      sendNew: "Send a new invitation",
      sendLabel: (label: string, contact: string, student: string) => `${label} to ${contact} for ${student}`,
      notice: {
        thisContact: "this contact",
        theStudent: "the student",
        resent: (contact: string, student: string) => `A new invitation is on its way to ${contact} for ${student}. Links sent earlier no longer work.`,
        created: (contact: string, student: string) => `An invitation is on its way to ${contact} for ${student}.`,
        accepted: (contact: string, student: string) => `${contact} has already accepted the invitation for ${student}: nothing to send.`,
        revoked: (contact: string, student: string) =>
          `The district withdrew the invitation to ${contact} for ${student}, so it can't be sent again from here. Please ask your district office.`,
        disputed: (contact: string, student: string) =>
          `${contact} said ${student} is not their child, so nothing was sent. The district needs to check this contact first; please let your district office know.`,
        alreadyPending: (contact: string, student: string) => `Another invitation to ${contact} for ${student} is already on its way; its status is below.`,
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
      title: (section: string) => `Badges · ${section}`,
      notFoundTitle: "Not found",
      summary: (school: string, using: number, total: number) =>
        n(total, { one: `${school} · ${using} of ${total} student use badges`, other: `${school} · ${using} of ${total} students use badges` }),
      theStudent: "The student",
      notice: {
        regenerated: (student: string) => `${student} has a new badge. The old one no longer works; print or share the new one.`,
        voided: (student: string) => `${student}'s badge no longer works.`,
        classRegenerated: (count: number) => n(count, { one: `New badges for ${count} student. The old ones no longer work; print the sheet below.`, other: `New badges for ${count} students. The old ones no longer work; print the sheet below.` }),
        classRegeneratedSome: "New badges for the students. The old ones no longer work; print the sheet below.",
        noBadge: (student: string) => `${student} has no badge in use, so there was nothing to void.`,
        badgesOff: (student: string) => `Badges are turned off for ${student}. Your district decides who uses badges.`,
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
      inUseSince: (date: string) => `In use since ${date}`,
      newBadge: "New badge",
      makeBadge: "Make a badge",
      actionFor: (action: string, student: string) => `${action} for ${student}`,
      void: "Void",
      voidLabel: (student: string) => `Void ${student}'s badge`,
      wholeClassTitle: "New badges for the whole class",
      wholeClass: "Every badge of this class stops working at once and each student who uses badges gets a new one. Do this when badges may have been shared or lost.",
      makeNew: (count: number) => n(count, { one: `Make ${count} new badge`, other: `Make ${count} new badges` }),
      footnote:
        "A badge logs a student in when it is shown to the webcam at the badges page. Voiding it or making a new one stops the old badge at once, on paper and on parents' phones.",
      pinsNote: "Your district also asks for each student's PIN after the scan; PINs are not printed on the labels.",
      sheetTitle: (section: string) => `Badge labels · ${section}`,
      printHint: (loginAt: string) =>
        `Use your browser's Print command (Ctrl+P or ⌘P). Each badge prints as a 2-inch square label; students show theirs to the webcam at ${loginAt}.`,
      noneInUse: "No student in this class has a badge in use.",
      labels: "Badge labels",
      noBadgeTitle: "No badge",
      noBadge: (student: string) => `${student}: no badge`,
      noBadgeOff: (student: string) => `${student}: no badge (badges are off for this student)`,
      /** The QR code's text alternative. */
      qrAlt: (student: string) => `Badge for ${student}`,
    },

    // messages: the teacher's list, a conversation, a new message, a whole class
    messages: {
      offNoReplies: "Your Messages are off, so families can't reply and you can't start new conversations.",
      offCantStart: "Your Messages are off, so you can't start new conversations.",
      offGuardianCantReply: (guardian: string) => `Your Messages are off, so ${guardian} can read this conversation but can't reply.`,
      turnOnInSettings: "Turn them on in Settings",
      sentAll: (count: number) =>
        n(count, { one: `Sent to ${count} family. Each family has its own conversation with you below.`, other: `Sent to ${count} families. Each family has its own conversation with you below.` }),
      sentSome: (sent: number, total: number, failed: number) => `Sent to ${sent} of ${total} families. ${failed} could not be sent; please try again in a moment.`,
      /** "No conversations yet. Start one from" + a link to My classes + the rest. */
      noneBefore: "No conversations yet. Start one from",
      noneLink: "My classes",
      noneAfter: ': "Message family" next to a connected guardian, or "Message all families" for a whole class.',
      aboutStudent: (name: string) => `about ${name}`,
      noLongerConnected: "no longer connected",
      empty: "No messages here yet. Write the first one below.",
      writeTo: (guardian: string) => `Write to ${guardian}`,
      disconnected: (guardian: string, child: string) => `${guardian} is no longer connected to ${child} in Family Portal, so new messages can't be sent here.`,
      refusedDisconnected: (guardian: string, child: string) => `${guardian} is no longer connected to ${child}, so this can't be sent.`,
      newTitle: (guardian: string) => `Message ${guardian}`,
      backToClasses: "← My classes",
      newAbout: (child: string, guardian: string) => `About ${child}. This starts a conversation that only you and ${guardian} see; they can reply to you here.`,
      yourMessage: "Your message",
      couldNotSend: "Your message couldn't be sent just now. Please try again in a moment.",
      broadcastTitle: (section: string) => `Message all families of ${section}`,
      noFamilies: "No families of this class are connected to Family Portal yet. Once a guardian accepts their invitation, you can write to them here.",
      noOneToSend: "No families of this class are connected yet, so there is no one to send this to.",
      goesTo: (guardians: number, students: number) =>
        `This goes to ${n(guardians, { one: `${guardians} guardian`, other: `${guardians} guardians` })} of ${n(students, { one: `${students} student`, other: `${students} students` })}.`,
      eachOwn: "Each family gets it in their own conversation with you: no family sees another family's messages or replies.",
      whoGetsIt: "Who gets it",
      recipient: (guardian: string, child: string) => `${guardian} (about ${child})`,
      sendTo: (count: number) => n(count, { one: `Send to ${count} family`, other: `Send to ${count} families` }),
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
      nameHint: (rosterName: string) => `For example "Ms. Rivera". Leave it empty to use your name on the roster: ${rosterName}.`,
      saveName: "Save name",
      emailsTitle: "Emails about unread messages",
      emailsOn: (delay: string) => `On: when a family's message is still unread after ${delay}, you get one email with a link to the conversation (never the message itself).`,
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
  invitations: {},

  // ---- errors: error pages and refusals (404, 405, 410, 413, 429, 500, cross-site forms)
  errors: {},

  // ---- common: words used across areas (kept small; an area's own words stay in its section)
  common: {
    /** In every email, before the button's link written out. */
    orOpenThisLink: "Or open this link:",
  },
};
