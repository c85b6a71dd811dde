/** STOP, START and HELP (and ALTO/PARAR, AYUDA): kept per number, honoured by the outbox for every text. */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { smsOptOuts } from "../db/schema";

export type Keyword = "stop" | "start" | "help";

// The carriers' usual words (CTIA), and their Spanish counterparts.
const KEYWORDS: Record<string, Keyword> = {
  STOP: "stop",
  STOPALL: "stop",
  UNSUBSCRIBE: "stop",
  CANCEL: "stop",
  END: "stop",
  QUIT: "stop",
  ALTO: "stop",
  PARAR: "stop",
  START: "start",
  UNSTOP: "start",
  YES: "start",
  HELP: "help",
  INFO: "help",
  AYUDA: "help",
};
const SPANISH = new Set(["ALTO", "PARAR", "AYUDA"]);

/** The keyword a whole text is (one word, any case, surrounding punctuation ignored), or null for a real reply. */
export function keywordOf(body: string): { keyword: Keyword; spanish: boolean } | null {
  const word = body.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "").toUpperCase();
  const keyword = KEYWORDS[word];
  return keyword ? { keyword, spanish: SPANISH.has(word) } : null;
}

/** Kinds of text that still go to a stopped number: only the confirmation of STOP itself. */
export const SENT_WHEN_STOPPED = ["sms_stopped"] as const;

export const stopStatement = (db: Db, phone: string, at: number) =>
  db.insert(smsOptOuts).values({ phone, stoppedAt: at }).onConflictDoNothing();

export const startStatement = (db: Db, phone: string) => db.delete(smsOptOuts).where(eq(smsOptOuts.phone, phone));

export async function isStopped(db: Db, phone: string): Promise<boolean> {
  return (await db.select({ phone: smsOptOuts.phone }).from(smsOptOuts).where(eq(smsOptOuts.phone, phone)).get()) !== undefined;
}
