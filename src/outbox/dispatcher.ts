import { DurableObject } from "cloudflare:workers";
import { allDbs } from "../db/route";
import type { Bindings } from "../env";
import { SECOND } from "../lib/time";
import { deliverDue, deliveryConfig } from "./deliver";

/** After a run that failed on D1 itself, try again this much later (the rows are still in D1). */
const RUN_FAILURE_RETRY_MS = 30 * SECOND;

/**
 * Delivers due outbox rows to the mail and SMS APIs. One instance ("global"); its alarm
 * drives delivery and retries, which also works under `wrangler dev` where crons do not fire.
 * The D1 outbox tables (one per database in use) are the only state: every run decides the next alarm from it, so running
 * the alarm twice, or a cron kick during a run, sends nothing twice (see deliver.ts).
 */
export class OutboxDispatcher extends DurableObject<Bindings> {
  /** Deliver what is due as soon as possible. */
  async kick(): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > Date.now()) await this.ctx.storage.setAlarm(Date.now());
  }

  override async alarm(): Promise<void> {
    let next: number | null = null;
    // Each database in use has its districts' outbox rows (src/db/route.ts); one failing delays only its own.
    for (const db of allDbs(this.env)) {
      let due: number | null;
      try {
        // fetch is looked up at call time so tests can stub globalThis.fetch.
        const run = await deliverDue(db, deliveryConfig(this.env), (url, init) => fetch(url, init), Date.now());
        due = run.nextRunAt;
      } catch (err) {
        // Never throw out of the alarm: the runtime's own alarm retries give up after a few tries.
        console.error("outbox: delivery run failed", err);
        due = Date.now() + RUN_FAILURE_RETRY_MS;
      }
      if (due !== null && (next === null || due < next)) next = due;
    }
    if (next !== null) await this.wakeNoLaterThan(next);
  }

  /**
   * Inside alarm() getAlarm() is null unless kick() set a new alarm while we ran; keep the
   * earlier of the two so that kick is not pushed back.
   */
  private async wakeNoLaterThan(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }
}
