import { DurableObject } from "cloudflare:workers";
import type { Bindings } from "../env";

/**
 * Delivers due outbox rows to the mail and SMS APIs. One instance ("global"); its alarm
 * drives delivery and retries, which also works under `wrangler dev` where crons do not fire.
 */
export class OutboxDispatcher extends DurableObject<Bindings> {
  /** Deliver what is due as soon as possible. */
  async kick(): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > Date.now()) await this.ctx.storage.setAlarm(Date.now());
  }

  override async alarm(): Promise<void> {
    // Delivery is implemented in deliver.ts (next commit).
  }
}
