// "Continue with Google" without Google: the portal configured for it, and Google's token endpoint stubbed.
import { env } from "cloudflare:workers";
import { expect, vi } from "vitest";
import { Browser } from "./browser";

export const GOOGLE_CLIENT_ID = "test-client.apps.googleusercontent.com";

export interface GoogleClaims {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  iss?: string;
  aud?: string;
}

const b64url = (v: unknown) => btoa(JSON.stringify(v)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** Google's token endpoint, answering with an ID token for these claims (or refusing the code). */
export function stubGoogle(claims: GoogleClaims | "refused") {
  return vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url !== "https://oauth2.googleapis.com/token") return new Response("unexpected", { status: 599 });
    if (claims === "refused") return new Response(JSON.stringify({ error: "invalid_grant" }), { status: 400, headers: { "content-type": "application/json" } });
    const idToken = `${b64url({ alg: "RS256", typ: "JWT" })}.${b64url({ iss: "https://accounts.google.com", aud: GOOGLE_CLIENT_ID, ...claims })}.c2ln`;
    return new Response(JSON.stringify({ access_token: "at", token_type: "Bearer", expires_in: 3600, id_token: idToken }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  });
}

/**
 * A browser on a portal with Google sign-in configured (the test configuration has it off), for
 * parents' or teachers' sign-in. It follows no redirect: the tests look at every hop.
 */
export class GoogleBrowser extends Browser {
  private readonly prefix: string;

  constructor(who: "parent" | "teacher" = "parent") {
    super(undefined, { ...env, GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET: "test-secret" });
    this.prefix = who === "teacher" ? "/teacher" : "";
  }

  override get(path: string, opts: { follow?: boolean } = {}): Promise<Response> {
    return super.get(path, { follow: false, ...opts });
  }

  override post(path: string, fields: Record<string, string> = {}, opts: { follow?: boolean; headers?: Record<string, string> } = {}): Promise<Response> {
    return super.post(path, fields, { follow: false, ...opts });
  }

  /** Presses "Continue with Google"; returns the state Google would send back. */
  async start(): Promise<string> {
    const res = await this.get(`${this.prefix}/auth/google`);
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get("location")!);
    expect(to.origin).toBe("https://accounts.google.com");
    expect(to.searchParams.get("redirect_uri")).toBe(`${env.PUBLIC_URL}${this.prefix}/auth/google/callback`);
    expect(to.searchParams.get("code_challenge_method")).toBe("S256");
    return to.searchParams.get("state")!;
  }

  /** Google sending the browser back with this state and code. */
  callback(state: string, code = "good-code"): Promise<Response> {
    return this.get(`${this.prefix}/auth/google/callback?${new URLSearchParams({ state, code })}`);
  }
}
