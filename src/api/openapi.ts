import * as z from "zod/mini";
import { ideaBody } from "../ideas/ideas";
import { invitationBatchInput, invitationInput, MAX_BATCH_INVITATIONS } from "../invitations/input";
import { linkBody } from "../links/links";
import { rosterBody, schoolBody, sectionBody, studentBody, teacherBody } from "../roster/schemas";
import { settingsBody } from "../roster/settings";
import { createDistrictBody } from "./admin-routes";
import { withServer } from "./openapi-server-url";

/**
 * `GET /api/v1/openapi.json`. Request bodies come from the same zod schemas that validate them,
 * so the document cannot drift from what the API accepts.
 */
const jsonSchema = (schema: z.ZodMiniType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

type Op = {
  summary: string;
  description?: string;
  admin?: boolean;
  body?: z.ZodMiniType;
  /** The body is a binary file of this media type (a OneRoster zip), not JSON. */
  fileBody?: string;
  params?: string[];
  query?: string[];
  idempotent?: boolean;
  responses: Record<string, string>;
};

/**
 * The batch validates its items one by one (so one bad item does not sink the others); the
 * document describes each item with the single invitation's schema.
 */
const invitationBatchDoc = z.extend(invitationBatchInput, { invitations: z.array(invitationInput).check(z.maxLength(MAX_BATCH_INVITATIONS)) });

/** What every invitation answer carries. */
const INVITATION = "{id, status, studentSisId, channel, address, name, relationship, language, expiresAt, createdAt, sentAt, sendCount, acceptedAt, disputedAt, revokedAt, renewedFromId}";

const ERR = { "401": "Missing or invalid token", "422": "Invalid input; nothing was written" };
const NF = { "404": "Not found in this district" };

const paths: Record<string, Record<string, Op>> = {
  "/admin/districts": {
    post: { summary: "Create a district; its API token is shown once", admin: true, body: createDistrictBody, responses: { "201": "{id, name, token}", ...ERR } },
    get: { summary: "List districts", admin: true, responses: { "200": "{data: [{id, name, createdAt}]}", "401": ERR["401"] } },
  },
  "/admin/districts/{id}": {
    delete: {
      summary: "Delete a district and everything of it (its students in parts of 1,000: call again while `complete` is false)",
      admin: true,
      params: ["id"],
      responses: { "200": "{deleted: {kind: rows, …, auditEntriesPseudonymized}, threadObjectsErased, threadObjectsPending, complete}", "401": ERR["401"], "404": "No such district (or already deleted)" },
    },
  },
  "/admin/districts/{id}/token": {
    post: { summary: "Rotate a district's API token (the old one stops working at once)", admin: true, params: ["id"], responses: { "200": "{id, name, token}", "401": ERR["401"], "404": "No such district" } },
  },
  "/admin/ideas": {
    get: { summary: "List curated ideas in slug order, optionally by topic and grade band", admin: true, query: ["topic", "grade", "cursor", "limit"], responses: { "200": "{data: [idea], nextCursor}", ...ERR } },
  },
  "/admin/ideas/{slug}": {
    put: { summary: "Create or replace a curated idea (shown to every parent on the Ideas tab)", admin: true, params: ["slug"], body: ideaBody, responses: { "200": "Replaced", "201": "Created", ...ERR } },
    delete: { summary: "Remove a curated idea", admin: true, params: ["slug"], responses: { "204": "Removed", "401": ERR["401"], "404": "No such idea" } },
  },
  "/admin/idea-suggestions": {
    get: { summary: "Ideas suggested by parents, newest first; status=open|handled", admin: true, query: ["status", "cursor", "limit"], responses: { "200": "{data: [{id, text, topic, userId, createdAt, handledAt}], nextCursor}", ...ERR } },
  },
  "/admin/idea-suggestions/{id}/handled": {
    post: { summary: "Mark a suggestion handled (a repeat keeps the first time)", admin: true, params: ["id"], responses: { "200": "The suggestion", "401": ERR["401"], "404": "No such suggestion" } },
  },
  "/schools/{sisId}": {
    put: { summary: "Create or update a school", params: ["sisId"], body: schoolBody, responses: { "200": "Updated", "201": "Created", ...ERR } },
    get: { summary: "Read a school", params: ["sisId"], responses: { "200": "The school", ...NF } },
    delete: {
      summary: "Delete a school for good: all its students (as DELETE /students/{sisId}), its sections, then the school",
      description: "At most 1,000 students per call: while `complete` is false, call again. A deleted school answers 404.",
      params: ["sisId"],
      responses: { "200": "{deleted: {kind: rows, …, auditEntriesPseudonymized}, threadObjectsErased, threadObjectsPending, complete}", "401": ERR["401"], "404": "No such school in this district (or already deleted)" },
    },
  },
  "/teachers/{sisId}": {
    put: { summary: "Create or update a teacher", params: ["sisId"], body: teacherBody, responses: { "200": "Updated", "201": "Created", ...ERR } },
    get: { summary: "Read a teacher", params: ["sisId"], responses: { "200": "The teacher", ...NF } },
  },
  "/students": {
    get: { summary: "List students", query: ["cursor", "limit"], responses: { "200": "{data, nextCursor}" } },
  },
  "/students/{sisId}": {
    put: { summary: "Create or update a student", params: ["sisId"], body: studentBody, responses: { "200": "Updated", "201": "Created", ...ERR } },
    get: { summary: "Read a student", params: ["sisId"], responses: { "200": "The student", ...NF } },
    delete: {
      summary: "Delete a student for good (the district's request)",
      description:
        "Removes the student, enrollments, guardian contacts, invitations, guardianships, badges, the student's sessions, mail about them, stored API answers naming them and their message threads (index and messages). Audit entries stay with the student's id replaced by a one-way pseudonym. Answers with the rows removed per kind. A repeat answers 404.",
      params: ["sisId"],
      responses: { "200": "{deleted: {kind: rows, …, auditEntriesPseudonymized}, threadObjectsErased, threadObjectsPending, complete}", "401": ERR["401"], "404": "No such student in this district (or already deleted)" },
    },
  },
  "/sections/{sisId}": {
    put: { summary: "Create or update a section; member lists replace the members", params: ["sisId"], body: sectionBody, responses: { "200": "Updated", "201": "Created", ...ERR } },
    get: { summary: "Read a section with its members", params: ["sisId"], responses: { "200": "The section", ...NF } },
  },
  "/roster": {
    post: {
      summary: "Bulk upsert of schools, teachers, students and sections (all or nothing)",
      description: "At most 1,000 items and 20,000 section memberships per call; send a whole district in chunks, schools first.",
      body: rosterBody,
      responses: { "200": "{schools: {created, updated}, teachers: …, students: …, sections: …}", "409": "A concurrent call created the same new sisId; send again", ...ERR },
    },
  },
  "/roster/oneroster": {
    post: {
      summary: "Upload a OneRoster 1.1 or 1.2 CSV zip (up to 100 MB); it is imported in the background",
      description:
        "The body is the zip as the SIS exports it (content-type: application/zip, content-length required). Answers 202 at once; follow the import at GET /roster/imports/{id}. dryRun=true reports what would change and writes nothing; invite=true invites each contact with no pending or accepted invitation for that student; removeMissing=true lets a bulk file remove the students, sections, memberships and imported contacts it does not list.",
      fileBody: "application/zip",
      query: ["dryRun", "invite", "removeMissing"],
      responses: {
        "202": "{id, status: \"queued\"}",
        "411": "No content-length",
        "413": "Larger than 100 MB",
        "415": "Not sent as application/zip",
        ...ERR,
      },
    },
  },
  "/roster/imports": {
    get: { summary: "The district's OneRoster imports, newest first (without their error lists)", query: ["cursor", "limit"], responses: { "200": "{data: [import], nextCursor}", ...ERR } },
  },
  "/roster/imports/{id}": {
    get: {
      summary: "One OneRoster import: status, progress, counts and row errors",
      params: ["id"],
      responses: {
        "200": "{id, status: queued|running|done|failed, dryRun, invite, removeMissing, version, progress: {rows, total}, counts: {schools|teachers|students|sections|enrollments|contacts|invitations: {created, updated, unchanged, removed}}, errors: [{file, line, column, code, message}], errorCount, createdAt, finishedAt}",
        ...NF,
        "401": ERR["401"],
      },
    },
  },
  "/students/{sisId}/contacts": {
    get: {
      summary: "A student's guardian contacts (imported or invited) with their latest invitation's state",
      params: ["sisId"],
      responses: { "200": "{data: [{id, channel, address, name, relationship, language, sourceId, invitation: {id, status, expiresAt} | null, createdAt}], nextCursor: null}", ...NF, "401": ERR["401"] },
    },
  },
  "/invitations": {
    post: {
      summary: "Invite a guardian of a student by email or text",
      description:
        "`language` (BCP 47, e.g. `es`, `es-MX`, `vi`) is the family's language: stored with the contact as given (a later invitation with another language replaces it; none keeps it) and returned in every invitation answer. The email or text goes out in the closest language the portal has (`es-MX` → Spanish), else English, with the expiry in the district's `timeZone`; the district's `invitationMessage` is shown as written.",
      body: invitationInput,
      idempotent: true,
      responses: { "201": `The invitation: ${INVITATION}`, "409": "A pending invitation to this address for this student exists", ...ERR, "422": "Invalid input, or Idempotency-Key reused with another body" },
    },
    get: { summary: "List invitations", query: ["status", "studentSisId", "cursor", "limit"], responses: { "200": `{data: [${INVITATION}], nextCursor}`, "422": ERR["422"] } },
  },
  "/invitations/batch": {
    post: {
      summary: "Up to 1,000 invitations; valid items are kept even when others fail",
      description: "Each item is a single invitation's body, `language` included.",
      body: invitationBatchDoc,
      idempotent: true,
      responses: { "200": "{results: [{index, status: created|error, invitation?|error?}], created, failed}", ...ERR },
    },
  },
  "/invitations/{id}": {
    get: { summary: "Read an invitation", params: ["id"], responses: { "200": `The invitation: ${INVITATION}`, ...NF } },
    delete: { summary: "Revoke an invitation: its link stops working at once", params: ["id"], responses: { "200": "Revoked", "409": "Already accepted", ...NF } },
  },
  "/invitations/{id}/resend": {
    post: { summary: "Send a pending invitation again with a fresh link (the old link dies), in the contact's language", params: ["id"], responses: { "200": "The invitation", "409": "Not pending", ...NF } },
  },
  "/settings": {
    get: { summary: "Read district settings", responses: { "200": "{invitationMessage, reminderBeforeExpiry, invitationTtlDays, badgePin, timeZone}" } },
    put: {
      summary: "Change district settings (partial)",
      description: "`timeZone` is an IANA name (`America/Chicago`); an unknown one is a 422. It is stored in its canonical spelling.",
      body: settingsBody,
      responses: { "200": "The settings", ...ERR },
    },
  },
  "/links": {
    get: { summary: "List district links", responses: { "200": "{data}" } },
  },
  "/links/{key}": {
    put: { summary: "Create or replace a district link", params: ["key"], body: linkBody, responses: { "200": "Updated", "201": "Created", ...ERR } },
    delete: { summary: "Remove a district link", params: ["key"], responses: { "204": "Removed", ...NF } },
  },
  "/students/{sisId}/guardians": {
    get: { summary: "Guardians connected to a student", params: ["sisId"], responses: { "200": "{data: [{id, name, email, relationship, connectedAt}]}", ...NF } },
  },
  "/students/{sisId}/guardians/{id}": {
    delete: { summary: "Disconnect a guardian from a student (and end the child's Instant Login sessions that guardian started)", params: ["sisId", "id"], responses: { "204": "Disconnected", ...NF } },
  },
  "/students/{sisId}/badge": {
    get: { summary: "The student's live badge (never its token)", params: ["sisId"], responses: { "200": "{id, studentSisId, createdAt, pinRequired}", ...NF } },
    post: { summary: "Regenerate the student's badge (the old one dies, with the sessions it opened)", params: ["sisId"], responses: { "201": "{id, studentSisId, createdAt, pinRequired}", "409": "Badges are not enabled for this student", ...NF } },
    delete: { summary: "Void the student's badge and end the sessions it opened", params: ["sisId"], responses: { "204": "Voided", ...NF } },
  },
  "/audit": {
    get: {
      summary: "The district's audit trail, oldest first: who (actor kind and id) read or changed which student's guardianships, badges, Instant Logins and invitations, disconnects and deletions",
      description: "`since` is an ISO-8601 time; `studentSisId` narrows to one student (404 when there is none). Details carry only allow-listed keys: never a secret, token or address.",
      query: ["studentSisId", "since", "cursor", "limit"],
      responses: { "200": "{data: [{id, at, actor: {kind, id}, action, studentSisId, studentPseudonym, targetId, detail}], nextCursor}", "401": ERR["401"], "404": "No such student in this district", "422": ERR["422"] },
    },
  },
  "/reports": {
    get: {
      summary: "“Not my child” disputes, expired-invitation renewals, and families per language",
      description:
        "`languages`: `[{language, families, guardians}]`, most families first. `families` counts the district's guardian contacts by the `language` given with their invitations, once per address (a parent invited for three children is one family; an address given two languages counts in each); `guardians` counts parents connected to the district's students by their account's language. `unknown`: none given or saved. Tags are grouped regardless of case (`es` and `es-MX` stay apart). The whole list comes with every page of disputes and renewals.",
      query: ["limit", "disputesCursor", "renewalsCursor"],
      responses: { "200": "{disputes, renewals, nextDisputesCursor, nextRenewalsCursor, languages: [{language, families, guardians}]}", "422": ERR["422"] },
    },
  },
};

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
    },
  },
};

function operation(op: Op) {
  const parameters = [
    ...(op.params ?? []).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    ...(op.query ?? []).map((name) => ({ name, in: "query", required: false, schema: { type: "string" } })),
    ...(op.idempotent
      ? [{ name: "Idempotency-Key", in: "header", required: false, description: "A repeat with the same key returns the first response and sends nothing new (24 h).", schema: { type: "string", maxLength: 255 } }]
      : []),
  ];
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: [{ [op.admin ? "adminToken" : "districtToken"]: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
    ...(op.fileBody ? { requestBody: { required: true, content: { [op.fileBody]: { schema: { type: "string", format: "binary" } } } } } : {}),
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, description]) => [
        status,
        Number(status) >= 400
          ? { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }
          : { description },
      ]),
    ),
  };
}

let cached: Record<string, unknown> | undefined;

/**
 * The document without its `servers` (the one part that depends on the deployment). Built once by
 * scripts/build-static.mjs into a static asset, so zod's JSON Schema code stays out of the worker.
 */
export function openApiBody(): Record<string, unknown> {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "Family Portal district API",
      version: "1.0.0",
      description:
        "Districts post rosters and invitations. Every call except /admin uses `Authorization: Bearer <district token>` and sees only that district. Errors are `{\"error\": {\"code\", \"message\", \"details\"?}}`.",
    },
    components: {
      securitySchemes: {
        districtToken: { type: "http", scheme: "bearer", description: "The district's API token" },
        adminToken: { type: "http", scheme: "bearer", description: "The platform operator's ADMIN_TOKEN" },
      },
      schemas: { Error: errorSchema },
    },
    paths: Object.fromEntries(Object.entries(paths).map(([p, ops]) => [p, Object.fromEntries(Object.entries(ops).map(([m, op]) => [m, operation(op)]))])),
  };
  return cached;
}

/** The whole document as `GET /api/v1/openapi.json` answers it. */
export function openApiDocument(serverUrl: string): unknown {
  return withServer(openApiBody(), serverUrl);
}
