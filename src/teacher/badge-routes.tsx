/**
 * A teacher's badge tools, only for students in their own sections (anything else is a 404):
 *   GET  /teacher/sections/:id/badges              the class's badges, void / new badge buttons
 *   GET  /teacher/sections/:id/badges/print        a sheet of 2-inch labels
 *   POST /teacher/sections/:id/badges/regenerate   new badges for everyone who uses them (one batch)
 *   POST /teacher/students/:id/badge/regenerate    one student's new badge
 *   POST /teacher/students/:id/badge/void          one student's badge stops working
 * Each POST that ends a badge in use is asked first on a page of its own (GET on the same path,
 * views/pages/confirm.tsx) saying what stops working: the list links there instead of acting.
 * Every change and every printed sheet is audited with the teacher as actor.
 */
import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import { config } from "../config";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { requireTeacher } from "../auth/guards";
import { findTeacherStudent, loadSectionBadges, printedAudits, regenerateBadges, type SectionBadges } from "../badges/class-badges";
import { badgeQrSvg } from "../badges/image";
import { regenerateBadge, voidBadge } from "../badges/issue";
import { badgeLoginHint } from "../badges/login";
import { badgePin, badgeToken } from "../badges/token";
import { runBatch } from "../db/batch";
import { BADGE_NOTICES, ClassBadgeSheet, ClassBadgesPage, type BadgeLabel, type BadgeNotice } from "../../views/pages/badge-class";
import { TeacherSectionNotFoundPage } from "../../views/pages/teacher-classes";
import { ConfirmPage } from "../../views/pages/confirm";
import { rowIdField as rowId } from "../lib/ids";

const studentForm = z.object({ section: z.optional(rowId), _csrf: z.optional(z.string().check(z.maxLength(200))) });
const noticeQuery = z.object({
  notice: z.enum(BADGE_NOTICES),
  student: z.optional(rowId),
  count: z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(100_000))),
});

function notFound<E extends AppEnv>(c: Context<E>) {
  c.status(404);
  return c.render(<TeacherSectionNotFoundPage />, { title: c.var.locale.t.teacher.badges.notFoundTitle });
}

/** The class's badge page, or the teacher's classes when no class is named. */
const listPath = (sectionId: string | undefined) => (sectionId ? `/teacher/sections/${sectionId}/badges` : "/teacher");

function back(sectionId: string | undefined, notice: BadgeNotice, extra: Record<string, string> = {}): string {
  return `${listPath(sectionId)}?${new URLSearchParams({ notice, ...extra })}`;
}

async function section<E extends AppEnv>(c: Context<E>, teacher: { id: string; districtId: string }): Promise<SectionBadges | null> {
  const id = rowId.safeParse(c.req.param("id"));
  return id.success ? loadSectionBadges(getDb(c.env.DB), teacher, id.data) : null;
}

export const teacherBadgeRoutes = new Hono<AppEnv>()
  .get("/sections/:id/badges", requireTeacher, async (c) => {
    const actor = c.get("actor");
    const s = await section(c, actor.teacher);
    if (!s) return notFound(c);
    const secret = config(c.env).badgeSecret;
    const pins = new Map<string, string>();
    if (s.pinRequired && secret) for (const st of s.students) if (st.badgesEnabled && st.badge) pins.set(st.id, badgePin(secret, st.badge.id));
    const q = noticeQuery.safeParse(c.req.query());
    const notice = q.success ? { code: q.data.notice, studentId: q.data.student, count: q.data.count } : undefined;
    c.header("cache-control", "private, no-store");
    return c.render(<ClassBadgesPage section={s} pins={pins} notice={notice} />, { title: c.var.locale.t.teacher.badges.title(s.name) });
  })
  .get("/sections/:id/badges/print", requireTeacher, async (c) => {
    const actor = c.get("actor");
    const s = await section(c, actor.teacher);
    if (!s) return notFound(c);
    const secret = config(c.env).badgeSecret;
    const { t } = c.var.locale;
    const labels: BadgeLabel[] = [];
    if (secret) {
      for (const st of s.students) {
        if (st.badgesEnabled && st.badge) labels.push({ student: st, qrSvg: badgeQrSvg(badgeToken(secret, st.badge.id), t.teacher.badges.qrAlt(`${st.firstName} ${st.lastName}`)) });
      }
    }
    const db = getDb(c.env.DB);
    await runBatch(db, printedAudits(db, { districtId: actor.teacher.districtId, teacherId: actor.teacher.id, sectionId: s.id, printed: labels.map((l) => ({ studentId: l.student.id, badgeId: l.student.badge!.id })) }));
    c.header("cache-control", "private, no-store");
    return c.render(<ClassBadgeSheet section={s} labels={labels} loginAt={badgeLoginHint(config(c.env).publicUrl)} />, { title: t.teacher.badges.sheetTitle(s.name) });
  })
  .get("/sections/:id/badges/regenerate", requireTeacher, async (c) => {
    const s = await section(c, c.get("actor").teacher);
    if (!s) return notFound(c);
    const t = c.var.locale.t.teacher.badges;
    const using = s.students.filter((st) => st.badgesEnabled);
    const inUse = using.filter((st) => st.badge).length;
    return c.render(
      <ConfirmPage
        title={t.confirm.classTitle(s.name)}
        consequences={[t.confirm.classWhat(inUse), t.confirm.classAfter(using.length)]}
        action={`/teacher/sections/${s.id}/badges/regenerate`}
        button={t.makeNew(using.length)}
        cancel={{ href: `/teacher/sections/${s.id}/badges`, text: t.confirm.cancel }}
      />,
      { title: t.confirm.classTitle(s.name) },
    );
  })
  .get("/students/:id/badge/:action{regenerate|void}", requireTeacher, async (c) => {
    const { teacher } = c.get("actor");
    const id = rowId.safeParse(c.req.param("id"));
    const sectionId = rowId.safeParse(c.req.query("section")).data;
    const student = id.success ? await findTeacherStudent(getDb(c.env.DB), teacher, id.data) : null;
    if (!student) return notFound(c);
    const who = { student: student.id };
    const action = c.req.param("action");
    // Nothing to lose: say so (void), or back to the list, whose button makes a first badge.
    if (!student.badge) return c.redirect(action === "void" ? back(sectionId, "no_badge", who) : listPath(sectionId), 303);
    if (action === "regenerate" && !student.badgesEnabled) return c.redirect(back(sectionId, "badges_off", who), 303);
    const t = c.var.locale.t.teacher.badges;
    const name = `${student.firstName} ${student.lastName}`;
    const title = action === "void" ? t.confirm.voidTitle(name) : t.confirm.newTitle(name);
    return c.render(
      <ConfirmPage
        title={title}
        consequences={action === "void" ? [t.confirm.voidWhat(student.firstName), t.confirm.voidAfter(student.firstName)] : [t.confirm.newWhat(student.firstName), t.confirm.newAfter]}
        action={`/teacher/students/${student.id}/badge/${action}`}
        fields={sectionId ? { section: sectionId } : {}}
        button={action === "void" ? t.confirm.voidButton : t.confirm.newButton}
        cancel={{ href: listPath(sectionId), text: t.confirm.cancel }}
      />,
      { title },
    );
  })
  .post("/sections/:id/badges/regenerate", requireTeacher, async (c) => {
    const actor = c.get("actor");
    const s = await section(c, actor.teacher);
    if (!s) return notFound(c);
    const secret = config(c.env).badgeSecret;
    if (!secret) return c.redirect(back(s.id, "unavailable"), 303);
    const using = s.students.filter((st) => st.badgesEnabled).map((st) => st.id);
    if (using.length === 0) return c.redirect(back(s.id, "class_none"), 303);
    const db = getDb(c.env.DB);
    const { statements } = regenerateBadges(db, {
      secret,
      districtId: actor.teacher.districtId,
      studentIds: using,
      withPin: s.pinRequired,
      actor: { actorKind: "teacher", actorId: actor.teacher.id },
    });
    await runBatch(db, statements);
    return c.redirect(back(s.id, "class_regenerated", { count: String(using.length) }), 303);
  })
  .post("/students/:id/badge/:action{regenerate|void}", requireTeacher, async (c) => {
    const actor = c.get("actor");
    const id = rowId.safeParse(c.req.param("id"));
    const form = studentForm.safeParse(await c.req.parseBody());
    if (!id.success || !form.success) return notFound(c);
    const db = getDb(c.env.DB);
    const { teacher } = actor;
    const student = await findTeacherStudent(db, teacher, id.data);
    if (!student) return notFound(c);
    const sectionId = form.data.section;
    const who = { student: student.id };
    const by = { actorKind: "teacher" as const, actorId: teacher.id };
    // Voiding works even with badges off: the old badge must not come back if they are turned on again.
    if (c.req.param("action") === "void") {
      if (!student.badge) return c.redirect(back(sectionId, "no_badge", who), 303);
      await runBatch(db, voidBadge(db, { districtId: teacher.districtId, studentId: student.id, badgeId: student.badge.id, actor: by }));
      return c.redirect(back(sectionId, "voided", who), 303);
    }
    if (!student.badgesEnabled) return c.redirect(back(sectionId, "badges_off", who), 303);
    const secret = config(c.env).badgeSecret;
    if (!secret) return c.redirect(back(sectionId, "unavailable", who), 303);
    const { statements } = regenerateBadge(db, { secret, districtId: teacher.districtId, studentId: student.id, withPin: student.pinRequired, actor: by });
    await runBatch(db, statements);
    return c.redirect(back(sectionId, "regenerated", who), 303);
  });
