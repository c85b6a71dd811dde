/** /teacher (landing), /teacher/sections/:id and sending an invitation to a contact on record. */
import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import { config } from "../config";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { requireTeacher } from "../auth/guards";
import { rateLimit } from "../auth/rate-limiter";
import { kickOutbox } from "../outbox/enqueue";
import { now as clock } from "../lib/time";
import { INVITE_NOTICES, TeacherClassesPage, TeacherSectionNotFoundPage, type InviteNotice } from "../../views/pages/teacher-classes";
import { teacherClassesOf, teacherClassesStatements } from "./classes";
import { pageLoad } from "../auth/page-load";
import { teacherKeyOf } from "../roster/teaching";
import {
  findTeacherContact,
  inviteStep,
  sendContactInvitation,
  TEACHER_INVITES_PER_CONTACT,
  TEACHER_INVITES_PER_HOUR,
  type InviteOutcome,
} from "./invite-contact";
import { rowIdField as rowId } from "../lib/ids";

const noticeQuery = z.object({ notice: z.enum(INVITE_NOTICES), contact: z.optional(rowId) });
/** Where to go back to after sending: the landing page or one section's page. */
const backPath = z.string().check(z.regex(/^\/teacher(\/sections\/[a-z]+_[a-z0-9]+)?$/), z.maxLength(100));
const inviteForm = z.strictObject({ back: z.optional(backPath), _csrf: z.optional(z.string().check(z.maxLength(200))) });

function notFound<E extends AppEnv>(c: Context<E>) {
  c.status(404);
  return c.render(<TeacherSectionNotFoundPage />, { title: c.var.locale.t.teacher.classes.notFound.title });
}

function readNotice<E extends AppEnv>(c: Context<E>): { code: InviteNotice; contactId?: string } | undefined {
  const q = noticeQuery.safeParse({ notice: c.req.query("notice"), contact: c.req.query("contact") });
  return q.success ? { code: q.data.notice, contactId: q.data.contact } : undefined;
}


/** All the teacher's classes, in the session's round trip. */
const classesLoad = pageLoad("teacher", (db, who) => teacherClassesStatements(db, teacherKeyOf(who)), (results) => teacherClassesOf(results, clock()));
/** One of them (none when the id is not one of theirs, or not an id), in the session's round trip. */
const sectionLoad = pageLoad(
  "teacher",
  // "-" is no section's id: a missing parameter must not read as "all sections".
  (db, who, input) => teacherClassesStatements(db, teacherKeyOf(who), input.param("id") || "-"),
  (results) => teacherClassesOf(results, clock()),
);

export const teacherClassRoutes = new Hono<AppEnv>()
  .get("/", requireTeacher, classesLoad.middleware, async (c) => {
    const { teacher } = c.get("actor");
    const sections = await classesLoad.data(c);
    return c.render(
      <TeacherClassesPage teacherName={teacher.displayName ?? teacher.name} sections={sections} notice={readNotice(c)} back="/teacher" />,
      { title: c.var.locale.t.teacher.classes.title },
    );
  })
  .get("/sections/:id", requireTeacher, sectionLoad.middleware, async (c) => {
    const { teacher } = c.get("actor");
    const id = rowId.safeParse(c.req.param("id"));
    const sections = id.success ? await sectionLoad.data(c) : [];
    const [section] = sections;
    if (!section || !id.success) return notFound(c);
    return c.render(
      <TeacherClassesPage teacherName={teacher.displayName ?? teacher.name} sections={sections} notice={readNotice(c)} single back={`/teacher/sections/${id.data}`} />,
      { title: section.name },
    );
  })
  .post("/students/:studentId/contacts/:contactId/invite", requireTeacher, async (c) => {
    const { teacher } = c.get("actor");
    const studentId = rowId.safeParse(c.req.param("studentId"));
    const contactId = rowId.safeParse(c.req.param("contactId"));
    const form = inviteForm.safeParse(await c.req.parseBody());
    if (!studentId.success || !contactId.success) return notFound(c);
    const db = getDb(c.env.DB);
    const at = clock();
    const contact = await findTeacherContact(db, teacher, studentId.data, contactId.data, at);
    if (!contact) return notFound(c);

    const step = inviteStep(contact);
    let outcome: InviteOutcome | "rate_limited";
    if (step === "resend" || step === "create") {
      // Only sends count: pressing the button on an accepted contact costs nothing.
      const perTeacher = await rateLimit(c.env, `teacher-invite:teacher:${teacher.id}`, TEACHER_INVITES_PER_HOUR);
      const perContact = perTeacher.allowed ? await rateLimit(c.env, `teacher-invite:contact:${contact.id}`, TEACHER_INVITES_PER_CONTACT) : perTeacher;
      outcome = perContact.allowed
        ? await sendContactInvitation({ db, teacher, publicUrl: config(c.env).publicUrl, defaultTtlDays: config(c.env).invitationTtlDays, now: at }, contact, step)
        : "rate_limited";
    } else {
      outcome = step;
    }
    if (outcome === "not_found") return notFound(c);
    if (outcome === "resent" || outcome === "created") c.executionCtx.waitUntil(kickOutbox(c.env));
    const back = (form.success ? form.data.back : undefined) ?? "/teacher";
    return c.redirect(`${back}?${new URLSearchParams({ notice: outcome, contact: contact.id })}`, 303);
  });
