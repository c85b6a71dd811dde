/**
 * The background processing of one OneRoster upload: a Durable Object per import whose alarm does
 * one step per run. A Durable Object rather than a Queue because each alarm is a fresh invocation
 * (its own 1,000 D1 queries), the next one can start at once (no batch wait), the runtime retries
 * a failed alarm, and one object per import means two steps of the same import never run at once.
 *
 * The zip is read once from R2 (stage.ts) into steps kept in this object's own storage; each step
 * is applied (apply.ts) in ONE D1 batch together with the import's progress counter, conditional
 * on the step number, so a retried alarm never applies a step twice.
 */
import { DurableObject } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { auditInsert } from "../../audit";
import { config } from "../../config";
import { runBatch, type Statement } from "../../db/batch";
import { getDb, type Db } from "../../db/client";
import { countingD1 } from "../../db/statement-counter";
import { databaseOf } from "../../db/route";
import { rosterImports } from "../../db/schema";
import type { Bindings } from "../../env";
import { invitationTtlMs, loadInvitingDistrict } from "../../invitations/district";
import { kickOutbox } from "../../outbox/enqueue";
import { finishErasures } from "../../stewardship/erasure";
import { applyStep } from "./apply";
import { getImport, type ImportRow } from "./imports";
import { addImportCounts, MAX_STORED_ERRORS, stepSize, type ImportCounts, type RowError, type Step } from "./plan";
import { ImportFailed, stageImport } from "./stage";
import { r2Source } from "./zip";

/** Alarm runs that may fail in a row (a D1 hiccup) before the import is reported failed. */
const MAX_FAILURES = 3;

export class RosterImport extends DurableObject<Bindings> {
  private queries: () => number = () => 0;

  /** Called once by the upload route, right after the import's record and the zip are stored. */
  async start(importId: string, districtId?: string): Promise<void> {
    await this.ctx.storage.put("importId", importId);
    // Which database holds the import's record and its district's roster (src/db/route.ts).
    if (districtId) await this.ctx.storage.put("districtId", districtId);
    await this.ctx.storage.setAlarm(Date.now());
  }

  override async alarm(): Promise<void> {
    const importId = await this.ctx.storage.get<string>("importId");
    if (!importId) return;
    // Every query of this invocation is counted: a step must stay under D1's 1,000 per invocation.
    const districtId = await this.ctx.storage.get<string>("districtId");
    const counter = countingD1(districtId ? databaseOf(this.env, districtId) : this.env.DB);
    const db = getDb(counter.db);
    this.queries = counter.count;
    const record = await getImport(db, importId);
    if (!record || record.status === "done" || record.status === "failed") {
      await this.ctx.storage.deleteAll();
      return;
    }
    try {
      const more = (await this.ctx.storage.get<boolean>("staged")) ? await this.applyNext(db, record) : await this.stage(db, record);
      await this.ctx.storage.put("failures", 0);
      if (more) await this.ctx.storage.setAlarm(Date.now());
      else await this.ctx.storage.deleteAll();
    } catch (err) {
      const failures = ((await this.ctx.storage.get<number>("failures")) ?? 0) + 1;
      console.error("oneroster import step failed", importId, failures, err);
      if (failures >= MAX_FAILURES) {
        await finish(db, this.env.ROSTER_UPLOADS, record, "failed", [{ file: "", line: null, column: null, code: "internal", message: "The import stopped on an internal error; nothing more will be applied. Upload the zip again." }]);
        await this.ctx.storage.deleteAll();
        return;
      }
      await this.ctx.storage.put("failures", failures);
      await this.ctx.storage.setAlarm(Date.now() + failures * 2000);
    }
  }

  /** Reads the zip into steps; false when the import ended here (unreadable, or nothing to do). */
  private async stage(db: Db, record: ImportRow): Promise<boolean> {
    const source = record.uploadKey ? await r2Source(this.env.ROSTER_UPLOADS, record.uploadKey) : null;
    if (!source) {
      await finish(db, this.env.ROSTER_UPLOADS, record, "failed", [{ file: "", line: null, column: null, code: "upload_missing", message: "The uploaded zip is no longer stored; upload it again." }]);
      return false;
    }
    let staged;
    try {
      staged = await stageImport(db, record.districtId, source, { dryRun: record.dryRun, invite: record.invite, removeMissing: record.removeMissing });
    } catch (err) {
      if (!(err instanceof ImportFailed)) throw err;
      await finish(db, this.env.ROSTER_UPLOADS, record, "failed", [err.error]);
      return false;
    }
    const entries: Record<string, Step> = {};
    staged.steps.forEach((s, i) => (entries[stepKey(i)] = s));
    for (const part of chunkEntries(entries, 100)) await this.ctx.storage.put(part);
    await this.ctx.storage.put("staged", true);
    const total = staged.steps.reduce((n, s) => n + stepSize(s), 0);
    const at = Date.now();
    await db
      .update(rosterImports)
      .set({
        status: "running",
        version: staged.version,
        steps: staged.steps.length,
        step: 0,
        progressTotal: total,
        maxStepQueries: Math.max(record.maxStepQueries, this.queries() + 1),
        errors: JSON.stringify(staged.errors.slice(0, MAX_STORED_ERRORS)),
        errorCount: staged.errors.length,
        updatedAt: at,
      })
      .where(eq(rosterImports.id, record.id))
      .run();
    if (staged.steps.length === 0) {
      await finish(db, this.env.ROSTER_UPLOADS, { ...record, version: staged.version, errors: JSON.stringify(staged.errors.slice(0, MAX_STORED_ERRORS)), errorCount: staged.errors.length }, "done", []);
      return false;
    }
    return true;
  }

  /** Applies the next step; false when it was the last. */
  private async applyNext(db: Db, record: ImportRow): Promise<boolean> {
    // Every step applied, but the end was not recorded (a failure after the last batch): end it now.
    if (record.step >= record.steps) {
      await finish(db, this.env.ROSTER_UPLOADS, record, "done", []);
      return false;
    }
    const step = await this.ctx.storage.get<Step>(stepKey(record.step));
    if (!step) throw new Error(`step ${record.step} of import ${record.id} is missing`);
    const at = Date.now();
    const env = this.env;
    const outcome = await applyStep(
      {
        db,
        districtId: record.districtId,
        importId: record.id,
        options: { dryRun: record.dryRun, invite: record.invite, removeMissing: record.removeMissing },
        now: at,
        invitations: async () => {
          const district = await loadInvitingDistrict(db, record.districtId);
          if (!district) throw new Error("the district of an import is gone");
          const { publicUrl, invitationTtlDays } = config(env);
          return { db, district, publicUrl, ttlMs: invitationTtlMs(district, invitationTtlDays), now: at };
        },
      },
      step,
    );
    const counts = addImportCounts(JSON.parse(record.counts) as ImportCounts, outcome.counts);
    const errors = [...(JSON.parse(record.errors) as RowError[]), ...outcome.errors];
    const progress: Statement = db
      .update(rosterImports)
      .set({
        step: record.step + 1,
        progressRows: record.progressRows + stepSize(step),
        counts: JSON.stringify(counts),
        errors: JSON.stringify(errors.slice(0, MAX_STORED_ERRORS)),
        errorCount: record.errorCount + outcome.errors.length,
        maxStepQueries: Math.max(record.maxStepQueries, this.queries() + 1 + outcome.statements.length),
        updatedAt: at,
      })
      .where(and(eq(rosterImports.id, record.id), eq(rosterImports.step, record.step)));
    await runBatch(db, [progress, ...outcome.statements]);
    if (outcome.invited > 0) await this.ctx.storage.put("invited", true);
    if (outcome.deletedStudents) await finishErasures(this.env, db, { districtId: record.districtId });
    if (record.step + 1 < record.steps) return true;
    const last = await getImport(db, record.id);
    if (last) await finish(db, this.env.ROSTER_UPLOADS, last, "done", []);
    if (await this.ctx.storage.get<boolean>("invited")) await kickOutbox(this.env);
    return false;
  }
}

/**
 * The import's end: its status, the upload deleted from R2 once processed (a failed one is kept
 * 7 days for the district to look into, then retention deletes it), and its audit row (not for a
 * dry run, which writes nothing but its own record).
 */
async function finish(db: Db, uploads: R2Bucket, record: ImportRow, status: "done" | "failed", errors: RowError[]): Promise<void> {
  const at = Date.now();
  const allErrors = [...(JSON.parse(record.errors) as RowError[]), ...errors];
  const keepUpload = status === "failed";
  if (!keepUpload && record.uploadKey) await uploads.delete(record.uploadKey);
  const statements: Statement[] = [
    db
      .update(rosterImports)
      .set({
        status,
        errors: JSON.stringify(allErrors.slice(0, MAX_STORED_ERRORS)),
        errorCount: record.errorCount + errors.length,
        uploadKey: keepUpload ? record.uploadKey : null,
        finishedAt: at,
        updatedAt: at,
      })
      .where(eq(rosterImports.id, record.id)),
  ];
  if (!record.dryRun) {
    statements.push(
      auditInsert(
        db,
        {
          districtId: record.districtId,
          actorKind: "district",
          actorId: record.districtId,
          action: "roster.import",
          targetId: record.id,
          detail: { status, version: record.version, counts: JSON.parse(record.counts) as unknown, errors: record.errorCount + errors.length },
        },
        at,
      ),
    );
  }
  await runBatch(db, statements);
}

const stepKey = (i: number) => `step:${String(i).padStart(6, "0")}`;

function chunkEntries<T>(entries: Record<string, T>, size: number): Record<string, T>[] {
  const keys = Object.keys(entries);
  const out: Record<string, T>[] = [];
  for (let i = 0; i < keys.length; i += size) out.push(Object.fromEntries(keys.slice(i, i + size).map((k) => [k, entries[k]!])));
  return out;
}

