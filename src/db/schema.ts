/**
 * The one source of truth for tables. `npm run db:generate` turns changes here into a new
 * SQL migration in `migrations/`; never edit a migration after it has landed.
 *
 * Conventions: ids are random prefixed strings (src/lib/random.ts); timestamps are integer
 * milliseconds; every roster row carries its district_id and every query filters on it;
 * tokens are stored only as SHA-256 hex (`*_hash`).
 */
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

const createdAt = () => integer("created_at").notNull();
const updatedAt = () => integer("updated_at").notNull();

// ---------------------------------------------------------------- districts and roster

export const districts = sqliteTable("districts", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  tokenRotatedAt: integer("token_rotated_at").notNull(),
  /** The district's own words at the top of every invitation. */
  invitationMessage: text("invitation_message"),
  /** Send a reminder on the last day before a pending invitation expires. */
  reminderBeforeExpiry: integer("reminder_before_expiry", { mode: "boolean" }).notNull().default(false),
  /** Overrides INVITATION_TTL_DAYS for this district. */
  invitationTtlDays: integer("invitation_ttl_days"),
  /** Ask for a 6-digit PIN after a badge scan. */
  badgePin: integer("badge_pin", { mode: "boolean" }).notNull().default(false),
  /** IANA time zone in which the district's pages and emails show dates and times. */
  timeZone: text("time_zone").notNull().default("America/New_York"),
  /** The unread notice by text may carry the first 60 characters of the message (off: who wrote, never what). */
  smsPreview: integer("sms_preview", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const schools = sqliteTable(
  "schools",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    sisId: text("sis_id").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("schools_district_sis").on(t.districtId, t.sisId)],
);

export const teachers = sqliteTable(
  "teachers",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    sisId: text("sis_id").notNull(),
    name: text("name").notNull(),
    /** Normal form: trimmed, lower case. */
    email: text("email").notNull(),
    /** The name families see; the roster name when null. */
    displayName: text("display_name"),
    messagesEnabled: integer("messages_enabled", { mode: "boolean" }).notNull().default(true),
    notifyUnread: integer("notify_unread", { mode: "boolean" }).notNull().default(true),
    /** Families' messages in another language are shown translated (false: as written). */
    translateMessages: integer("translate_messages", { mode: "boolean" }).notNull().default(true),
    googleSub: text("google_sub"),
    /** BCP 47 tag the teacher chose for pages and emails; null: not chosen (the browser decides). */
    language: text("language"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("teachers_district_sis").on(t.districtId, t.sisId),
    index("teachers_email").on(t.email),
  ],
);

export const students = sqliteTable(
  "students",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    sisId: text("sis_id").notNull(),
    schoolId: text("school_id").notNull().references(() => schools.id),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    grade: text("grade"),
    /** The student's own school address: no guardian account may be created with it. */
    email: text("email"),
    badgesEnabled: integer("badges_enabled", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("students_district_sis").on(t.districtId, t.sisId),
    index("students_school").on(t.schoolId),
    index("students_email").on(t.email),
  ],
);

export const sections = sqliteTable(
  "sections",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    sisId: text("sis_id").notNull(),
    schoolId: text("school_id").notNull().references(() => schools.id),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("sections_district_sis").on(t.districtId, t.sisId)],
);

export const sectionTeachers = sqliteTable(
  "section_teachers",
  {
    sectionId: text("section_id").notNull().references(() => sections.id, { onDelete: "cascade" }),
    teacherId: text("teacher_id").notNull().references(() => teachers.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.sectionId, t.teacherId] }), index("section_teachers_teacher").on(t.teacherId)],
);

export const enrollments = sqliteTable(
  "enrollments",
  {
    sectionId: text("section_id").notNull().references(() => sections.id, { onDelete: "cascade" }),
    studentId: text("student_id").notNull().references(() => students.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.sectionId, t.studentId] }), index("enrollments_student").on(t.studentId)],
);

// ---------------------------------------------------------------- invitations

/** A guardian's contact on record for one student: where invitations go. */
export const guardianContacts = sqliteTable(
  "guardian_contacts",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    studentId: text("student_id").notNull().references(() => students.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    /** Lower-cased email, or E.164 phone number. */
    address: text("address").notNull(),
    name: text("name"),
    relationship: text("relationship"),
    /** The family's language as the district gave it (BCP 47, kept as given even without a catalog). */
    language: text("language"),
    /** The OneRoster sourcedId of the parent/guardian user this contact came from; null when not imported. */
    sourceId: text("source_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("guardian_contacts_student_address").on(t.studentId, t.channel, t.address),
    index("guardian_contacts_source").on(t.districtId, t.sourceId).where(sql`source_id IS NOT NULL`),
  ],
);

export const INVITATION_STATUSES = ["pending", "accepted", "revoked", "disputed"] as const;

export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    studentId: text("student_id").notNull().references(() => students.id, { onDelete: "cascade" }),
    contactId: text("contact_id").notNull().references(() => guardianContacts.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    /** Copied from the contact so siblings sent to one address are found with one index. */
    address: text("address").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** "expired" is never stored: it is a pending invitation whose expires_at has passed. */
    status: text("status", { enum: INVITATION_STATUSES }).notNull().default("pending"),
    expiresAt: integer("expires_at").notNull(),
    sentAt: integer("sent_at"),
    sendCount: integer("send_count").notNull().default(1),
    acceptedAt: integer("accepted_at"),
    acceptedByUserId: text("accepted_by_user_id"),
    disputedAt: integer("disputed_at"),
    revokedAt: integer("revoked_at"),
    reminderSentAt: integer("reminder_sent_at"),
    /** Set on an invitation created by the guardian's "send me a fresh invitation" renewal. */
    renewedFromId: text("renewed_from_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("invitations_district_status").on(t.districtId, t.status, t.id),
    index("invitations_district_created").on(t.districtId, t.createdAt, t.id),
    index("invitations_renewals").on(t.districtId, t.createdAt).where(sql`renewed_from_id IS NOT NULL`),
    index("invitations_student").on(t.studentId),
    index("invitations_address").on(t.address, t.status),
  ],
);

/** Stripe-style idempotency: (district, key) → the first response, replayed on repeats. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    districtId: text("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** Method, path and SHA-256 of the body: the same key with another request is a 422. */
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code").notNull(),
    responseBody: text("response_body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.key] })],
);

export const ROSTER_IMPORT_STATUSES = ["queued", "running", "done", "failed"] as const;

/**
 * One OneRoster zip upload and its background processing (src/roster/oneroster/): the options,
 * where it is in its steps, and the counts and row errors it reports. The zip itself is in R2
 * under `upload_key` until processed (failed ones for 7 days, src/stewardship/retention.ts).
 */
export const rosterImports = sqliteTable(
  "roster_imports",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    status: text("status", { enum: ROSTER_IMPORT_STATUSES }).notNull().default("queued"),
    dryRun: integer("dry_run", { mode: "boolean" }).notNull(),
    invite: integer("invite", { mode: "boolean" }).notNull(),
    removeMissing: integer("remove_missing", { mode: "boolean" }).notNull(),
    /** manifest.csv's oneroster.version ("1.1", "1.2"); null until read. */
    version: text("version"),
    /** The zip's key in ROSTER_UPLOADS; null once deleted. */
    uploadKey: text("upload_key"),
    uploadBytes: integer("upload_bytes").notNull(),
    /** The next step to apply, of `steps`: a step's writes and this counter move in one batch. */
    step: integer("step").notNull().default(0),
    steps: integer("steps").notNull().default(0),
    progressRows: integer("progress_rows").notNull().default(0),
    progressTotal: integer("progress_total").notNull().default(0),
    /** JSON: {entity: {created, updated, unchanged, removed}}. */
    counts: text("counts").notNull(),
    /** JSON: the first row errors [{file, line, column, code, message}]; `error_count` has them all. */
    errors: text("errors").notNull().default("[]"),
    errorCount: integer("error_count").notNull().default(0),
    /** The most D1 queries one step (one alarm invocation) ran: D1 allows 1,000 per invocation. */
    maxStepQueries: integer("max_step_queries").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: integer("finished_at"),
  },
  (t) => [
    index("roster_imports_district_created").on(t.districtId, t.createdAt, t.id),
    index("roster_imports_upload").on(t.finishedAt).where(sql`upload_key IS NOT NULL`),
  ],
);

// ---------------------------------------------------------------- accounts

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  /** Normal form: trimmed, lower case. Cannot be changed (the seed's FAQ). */
  email: text("email").notNull().unique(),
  emailVerifiedAt: integer("email_verified_at"),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  googleSub: text("google_sub").unique(),
  notifyUnread: integer("notify_unread", { mode: "boolean" }).notNull().default(true),
  /** BCP 47 tag of the parent's language (pages, emails, texts); null: not chosen. */
  language: text("language"),
  /** E.164 mobile number; texts go to it only once verified (`phoneVerifiedAt`). */
  phone: text("phone"),
  phoneVerifiedAt: integer("phone_verified_at"),
  /** The unread notice by text (to the verified phone); `notifyUnread` is the email one. */
  notifySms: integer("notify_sms", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index("users_phone").on(t.phone).where(sql`phone_verified_at IS NOT NULL`)]);

/** User ↔ student, many to many: one account, many children; one child, many guardians. */
export const guardianships = sqliteTable(
  "guardianships",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    studentId: text("student_id").notNull().references(() => students.id, { onDelete: "cascade" }),
    invitationId: text("invitation_id"),
    relationship: text("relationship"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("guardianships_user_student").on(t.userId, t.studentId),
    index("guardianships_student").on(t.studentId),
  ],
);

export const SESSION_KINDS = ["parent", "teacher", "student"] as const;

/** Lucia-style sessions: the cookie holds `id.secret`; only SHA-256(secret) is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    secretHash: text("secret_hash").notNull(),
    kind: text("kind", { enum: SESSION_KINDS }).notNull(),
    /** users.id, teachers.id or students.id depending on kind. */
    subjectId: text("subject_id").notNull(),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at").notNull(),
    /** Absolute end of the session. */
    expiresAt: integer("expires_at").notNull(),
    userAgent: text("user_agent"),
    /**
     * What let this session begin, for sessions that live only as long as a grant: a student
     * session's badge id (badge login) or guardianship id (a parent's Instant Login). Null for
     * people who signed in as themselves.
     */
    grantId: text("grant_id"),
  },
  (t) => [
    index("sessions_subject").on(t.kind, t.subjectId),
    index("sessions_expires").on(t.expiresAt),
    index("sessions_grant").on(t.grantId).where(sql`grant_id IS NOT NULL`),
  ],
);

/**
 * One "Continue with email" sign-up, waiting for its confirmation link: the name, password and
 * confirmed invitations the person gave in that one attempt. Nothing reaches the account until
 * this attempt's own link is used; a newer attempt for the same address replaces older ones.
 */
export const signUpAttempts = sqliteTable(
  "sign_up_attempts",
  {
    id: text("id").primaryKey(),
    /** Normal form: trimmed, lower case. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** JSON `{"invitationIds": [...]}`: the children confirmed in this attempt. */
    payload: text("payload").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The language the pages were shown in when this person signed up: the account's language. */
    language: text("language"),
    createdAt: createdAt(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("sign_up_attempts_email").on(t.email, t.createdAt), index("sign_up_attempts_expires").on(t.expiresAt)],
);

/**
 * OWASP "device cookies": a browser where this account signed in successfully before carries a
 * random token (stored hashed); its wrong passwords are counted for that device alone, so a
 * lockout caused by strangers never locks the owner out of their own phone.
 */
export const trustedDevices = sqliteTable(
  "trusted_devices",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at").notNull(),
  },
  (t) => [index("trusted_devices_user").on(t.userId)],
);

export const AUTH_TOKEN_PURPOSES = ["verify_email", "reset_password", "teacher_sign_in", "onboarding"] as const;

/**
 * Single-use, short-lived tokens: email confirmation, password reset, teacher sign-in link, and
 * the onboarding state of a parent between "Yes, this is my child" and having an account.
 */
export const authTokens = sqliteTable(
  "auth_tokens",
  {
    id: text("id").primaryKey(),
    purpose: text("purpose", { enum: AUTH_TOKEN_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** users.id or teachers.id; for onboarding, the invited address. */
    subjectId: text("subject_id").notNull(),
    /** JSON, e.g. the invitation ids a parent confirmed. Never a secret. */
    payload: text("payload"),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("auth_tokens_expires").on(t.expiresAt)],
);

// ---------------------------------------------------------------- badges, links, ideas

export const badges = sqliteTable(
  "badges",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    studentId: text("student_id").notNull().references(() => students.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    /** Hash of the 6-digit PIN when the district asks for one. */
    pinHash: text("pin_hash"),
    /** Wrong PINs since `pinFailuresSince`; counted and checked in one conditional UPDATE. */
    pinFailures: integer("pin_failures").notNull().default(0),
    pinFailuresSince: integer("pin_failures_since"),
    createdAt: createdAt(),
    voidedAt: integer("voided_at"),
  },
  (t) => [
    // At most one live badge per student: regenerating voids the old one in the same batch.
    uniqueIndex("badges_live_student").on(t.studentId).where(sql`voided_at IS NULL`),
  ],
);

export const LINK_AUDIENCES = ["families", "students", "both"] as const;

export const districtLinks = sqliteTable(
  "district_links",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    title: text("title").notNull(),
    url: text("url").notNull(),
    audience: text("audience", { enum: LINK_AUDIENCES }).notNull(),
    description: text("description"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("district_links_district_key").on(t.districtId, t.key)],
);

/** Curated learning ideas: platform-wide, managed through the admin API. */
export const ideas = sqliteTable(
  "ideas",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    source: text("source").notNull(),
    sourceUrl: text("source_url").notNull(),
    summary: text("summary").notNull(),
    topic: text("topic").notNull(),
    gradeBand: text("grade_band").notNull(),
    language: text("language").notNull().default("en"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("ideas_topic_grade").on(t.topic, t.gradeBand)],
);

/** Ideas parents suggest from the Ideas tab, for the platform operator (admin API). */
export const ideaSuggestions = sqliteTable(
  "idea_suggestions",
  {
    id: text("id").primaryKey(),
    /** Null once the parent's account is gone: the suggestion itself stays useful. */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    /** At most 2,000 characters (checked on input). */
    text: text("text").notNull(),
    topic: text("topic"),
    createdAt: createdAt(),
    handledAt: integer("handled_at"),
  },
  (t) => [index("idea_suggestions_created").on(t.createdAt, t.id)],
);

// ---------------------------------------------------------------- audit and outbox

export const ACTOR_KINDS = ["admin", "district", "parent", "teacher", "student", "system"] as const;

/** Who read or changed which student's guardianships, badges, logins and invitations. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id"),
    at: integer("at").notNull(),
    actorKind: text("actor_kind", { enum: ACTOR_KINDS }).notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    studentId: text("student_id"),
    targetId: text("target_id"),
    /** JSON; never a secret or a token. */
    detail: text("detail"),
  },
  (t) => [
    index("audit_district_at").on(t.districtId, t.at),
    index("audit_student").on(t.studentId, t.at),
  ],
);

export const OUTBOX_STATUSES = ["pending", "sent", "failed", "held", "stopped"] as const;

/**
 * Every outgoing email or text, written in the same D1 batch as the change that causes it.
 * `held` = no mail/SMS API configured: shown at /dev/mailbox.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id"),
    /** The student the message is about, if any (for deletion on request). */
    studentId: text("student_id"),
    kind: text("kind").notNull(),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject"),
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html"),
    /** Sent as the Idempotency-Key header so a retried delivery is not sent twice. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    /** Set while a dispatcher is delivering the row; a lease that expires if it dies. */
    leaseUntil: integer("lease_until"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: integer("sent_at"),
  },
  (t) => [
    index("outbox_due").on(t.status, t.nextAttemptAt),
    index("outbox_to").on(t.toAddress, t.createdAt),
    index("outbox_student").on(t.studentId),
  ],
);

// ---------------------------------------------------------------- messages

export const THREAD_SENDER_KINDS = ["teacher", "guardian"] as const;

/**
 * The index of message threads (one teacher, one guardian, one student) for the lists and unread
 * counts. The messages themselves live in the thread's Durable Object (src/messaging/), which
 * keeps this row in step after every post and read; `index_version` makes a late write from an
 * older state lose to a newer one.
 */
export const threads = sqliteTable(
  "threads",
  {
    id: text("id").primaryKey(),
    districtId: text("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    teacherId: text("teacher_id").notNull().references(() => teachers.id, { onDelete: "cascade" }),
    guardianUserId: text("guardian_user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    studentId: text("student_id").notNull().references(() => students.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastMessageAt: integer("last_message_at").notNull(),
    /** Null until the first message is stored: such a thread is not listed. */
    lastSenderKind: text("last_sender_kind", { enum: THREAD_SENDER_KINDS }),
    teacherUnread: integer("teacher_unread").notNull().default(0),
    guardianUnread: integer("guardian_unread").notNull().default(0),
    indexVersion: integer("index_version").notNull().default(0),
    /** One line of the newest message (src/messaging/preview.ts), for the lists; null until one is indexed. */
    lastPreview: text("last_preview"),
  },
  (t) => [
    uniqueIndex("threads_participants").on(t.teacherId, t.guardianUserId, t.studentId),
    index("threads_teacher_recent").on(t.teacherId, t.lastMessageAt),
    index("threads_guardian_recent").on(t.guardianUserId, t.lastMessageAt),
  ],
);

// ---------------------------------------------------------------- text messages (src/sms/)

/** The one pending 6-digit code that verifies a parent's phone: stored hashed, single use, a few tries. */
export const phoneCodes = sqliteTable("phone_codes", {
  userId: text("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  phone: text("phone").notNull(),
  codeHash: text("code_hash").notNull(),
  attempts: integer("attempts").notNull().default(0),
  expiresAt: integer("expires_at").notNull(),
  usedAt: integer("used_at"),
  createdAt: createdAt(),
});

/** Which thread each unread notice by text was about: a reply to that number goes there. */
export const smsNotices = sqliteTable(
  "sms_notices",
  {
    id: text("id").primaryKey(),
    phone: text("phone").notNull(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    threadId: text("thread_id").notNull().references(() => threads.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("sms_notices_phone").on(t.phone, t.createdAt)],
);

/** Numbers that texted STOP: no text of any kind goes to them until they text START. */
export const smsOptOuts = sqliteTable("sms_opt_outs", {
  phone: text("phone").primaryKey(),
  stoppedAt: integer("stopped_at").notNull(),
});

export type District = typeof districts.$inferSelect;
export type Student = typeof students.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = typeof outbox.$inferInsert;
export type ThreadRow = typeof threads.$inferSelect;
