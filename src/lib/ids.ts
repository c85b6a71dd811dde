/**
 * The shapes of our ids and tokens, as src/lib/random.ts makes them. A value of another shape
 * cannot name a row or match a stored token, so it is refused before any query.
 */
import * as z from "zod/mini";

/** The longest id we look up: newId() makes 20 or so characters; hand-made ids (tests, old rows) stay under this. */
export const ID_MAX = 64;

/** Any row id: newId(prefix) is `prefix_` and 16 base32 characters; ids written by hand are `prefix_` and letters or digits. */
export const ROW_ID = /^[a-z]+_[a-z0-9]+$/;
/** newId("inv"). */
export const INVITATION_ID = /^inv_[a-z0-9]+$/;
/** newId("thr") exactly: a thread id is never written by hand. */
export const THREAD_ID = /^thr_[a-z2-7]{16}$/;
/** newId("bdg"). */
export const BADGE_ID = /^bdg_[a-z2-7]+$/;

/** newSecret(): 32 base32 characters (tokens in links, cookies and forms). */
export const SECRET = /^[a-z2-7]{32}$/;
/** Tokens in invitation and sign-up links: newSecret()'s, with room for the shorter and longer ones of older links. */
export const LINK_TOKEN = /^[a-z2-7]{16,64}$/;
/** A session's id: its kind's mark ("p-", src/auth/sessions.ts) and 24 characters of a newSecret(); older ids have no mark. */
export const SESSION_ID = /^(?:[pts]-)?[a-z2-7]{1,62}$/;

export const isRowId = (s: string): boolean => s.length <= ID_MAX && ROW_ID.test(s);
export const isInvitationId = (s: string): boolean => s.length <= ID_MAX && INVITATION_ID.test(s);

/** A row id from a path, query or form; anything else is a plain 404. */
export const rowIdField = z.string().check(z.maxLength(ID_MAX), z.regex(ROW_ID));
export const invitationIdField = z.string().check(z.maxLength(ID_MAX), z.regex(INVITATION_ID));
