// Invitations through the district API, their links (read back from the outbox) and their rows.
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import type { InvitationJson } from "../../src/invitations/view";
import type { Siblings, TestDistrict } from "./districts";
import { latestLinkToken } from "./mail";
import { api } from "./requests";

export type InvitationAnswer = InvitationJson & { error?: { code: string; message: string; details?: unknown } };

/** POST /invitations with a district's token: the status and the JSON answer, whatever they are. */
export async function postInvitation(token: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: InvitationAnswer }> {
  const res = await api(token, "POST", "/invitations", body, headers);
  return { status: res.status, json: (await res.json()) as InvitationAnswer };
}

export interface SentInvitation {
  id: string;
  /** The token of the link in the email. */
  token: string;
}

/** An email invitation through the API (expected to be made), and its link's token from the outbox. */
export async function inviteTo(district: TestDistrict, studentSisId: string, email: string, contact: { name?: string; relationship?: string } = {}): Promise<SentInvitation> {
  const { status, json } = await postInvitation(district.token, { studentSisId, email, ...contact });
  expect(status).toBe(201);
  return { id: json.id, token: await latestLinkToken(email, "/i/") };
}

/** Changes an invitation's columns straight in D1 (to make it expired, accepted, ...). */
export async function setInvitation(id: string, fields: Record<string, string | number | null>): Promise<void> {
  const keys = Object.keys(fields);
  await env.DB.prepare(`UPDATE invitations SET ${keys.map((k) => `${k} = ?`).join(", ")} WHERE id = ?`)
    .bind(...keys.map((k) => fields[k] ?? null), id)
    .run();
}

export async function invitationRow(id: string) {
  return env.DB.prepare("SELECT * FROM invitations WHERE id = ?").bind(id).first<{
    status: string;
    accepted_by_user_id: string | null;
    disputed_at: number | null;
    expires_at: number;
    renewed_from_id: string | null;
    address: string;
    contact_id: string;
  }>();
}

/** The guardian contact an invitation was sent to. */
export async function contactIdFor(invitationId: string): Promise<string> {
  const row = await invitationRow(invitationId);
  if (!row) throw new Error(`no invitation ${invitationId}`);
  return row.contact_id;
}

/** Email invitations to one address for some of the siblings (districtWithSiblings), sent in this order. */
export async function inviteSiblings<C extends "maya" | "leo" | "ethan">(f: Siblings, email: string, ...children: C[]): Promise<Record<C, SentInvitation>> {
  const sent = {} as Record<C, SentInvitation>;
  for (const child of children) sent[child] = await inviteTo(f.district, f[child].sisId, email);
  return sent;
}
