// src/auth/google.ts speaks OpenID Connect to Google itself (no OAuth library since issue 15's
// bundle budget): the authorization URL and the token exchange carry exactly what Google needs,
// and the PKCE verifier sent to the token endpoint is the one the challenge was made from.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sha256 } from "@noble/hashes/sha2.js";
import { encodeBase64urlNoPadding } from "../src/lib/base64";
import { freshEmail, GOOGLE_CLIENT_ID, GoogleBrowser, stubGoogle } from "./world";

afterEach(() => vi.restoreAllMocks());

describe("Google sign-in's two requests", () => {
  it("asks for openid email profile with an S256 challenge, and exchanges the code with that verifier and Basic client credentials", async () => {
    const spy = stubGoogle({ sub: "g-oidc-1", email: freshEmail(), email_verified: true, name: "Rosa" });
    const b = new GoogleBrowser();
    const start = await b.get("/auth/google");
    const to = new URL(start.headers.get("location")!);
    expect(`${to.origin}${to.pathname}`).toBe("https://accounts.google.com/o/oauth2/v2/auth");
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      response_type: "code",
      client_id: GOOGLE_CLIENT_ID,
      redirect_uri: `${env.PUBLIC_URL}/auth/google/callback`,
      scope: "openid email profile",
      code_challenge_method: "S256",
      prompt: "select_account",
    });
    const state = to.searchParams.get("state")!;
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const res = await b.callback(state, "the-code");
    expect(res.status).toBe(303);
    expect(spy).toHaveBeenCalledTimes(1);
    const [url, init] = spy.mock.calls[0]!;
    expect(String(url)).toBe("https://oauth2.googleapis.com/token");
    const headers = new Headers(init?.headers);
    expect(init?.method).toBe("POST");
    expect(headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(headers.get("authorization")).toBe(`Basic ${btoa(`${GOOGLE_CLIENT_ID}:test-secret`)}`);
    const body = new URLSearchParams(String(init?.body));
    expect(body.get("grant_type")).toBe("authorization_code");
    expect(body.get("code")).toBe("the-code");
    expect(body.get("redirect_uri")).toBe(`${env.PUBLIC_URL}/auth/google/callback`);
    const verifier = body.get("code_verifier")!;
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(encodeBase64urlNoPadding(sha256(new TextEncoder().encode(verifier)))).toBe(to.searchParams.get("code_challenge"));
  });

  it("an answer without an ID token, or with one that is not a JWT, is the generic 400", async () => {
    for (const answer of [{ access_token: "at" }, { id_token: "not-a-jwt" }, { id_token: "a.!!!.c" }]) {
      vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } }));
      const b = new GoogleBrowser();
      const state = await b.start();
      expect((await b.callback(state)).status, JSON.stringify(answer)).toBe(400);
      vi.restoreAllMocks();
    }
  });
});
