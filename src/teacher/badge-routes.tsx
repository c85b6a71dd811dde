/**
 * A teacher's badge tools, only for students in their own sections (anything else is a 404):
 *   GET  /teacher/sections/:id/badges              the class's badges, void / new badge buttons
 *   GET  /teacher/sections/:id/badges/print        a sheet of 2-inch labels
 *   POST /teacher/sections/:id/badges/regenerate   new badges for everyone who uses them (one batch)
 *   POST /teacher/students/:id/badge/regenerate    one student's new badge
 *   POST /teacher/students/:id/badge/void          one student's badge stops working
 * Every change and every printed sheet is audited with the teacher as actor.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
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
import { rowIdField as rowId } from "../lib/ids";

const studentForm = z.object({ section: rowId.optional(), _csrf: z.string().max(200).optional() });
const noticeQuery = z.object({
  notice: z.enum(BADGE_NOTICES),
  student: rowId.optional(),
  count: z.coerce.number().int().min(0).max(100_000).optional(),
});

function notFound<E extends AppEnv>(c: Context<E>) {
  c.status(404);
  return c.render(<TeacherSectionNotFoundPage />, { title: c.var.locale.t.teacher.badges.notFoundTitle });
}

function back(sectionId: string | undefined, notice: BadgeNotice, extra: Record<string, string> = {}): string {
  const base = sectionId ? `/teacher/sections/${sectionId}/badges` : "/teacher";
  return `${base}?${new URLSearchParams({ notice, ...extra })}`;
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
