import { describe, expect, it } from "vitest";
import { signedPayload, twilioSignature, validTwilioSignature } from "../src/sms/signature";

/** The same signature computed independently with WebCrypto (HMAC-SHA1, Base64). */
async function webCryptoSignature(secret: string, payload: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(payload)));
  return btoa(String.fromCharCode(...mac));
}

describe("Twilio's webhook signature", () => {
  const url = "https://portal.example.org/hooks/sms?x=1";
  const params = { To: "+15005550006", From: "+12125550142", Body: "Sí, gracias 👍", MessageSid: "SM0123456789abcdef", AccountSid: "AC1" };

  it("signs the URL followed by each name and value, names sorted", async () => {
    expect(signedPayload(url, params)).toBe(`${url}AccountSidAC1BodySí, gracias 👍From+12125550142MessageSidSM0123456789abcdefTo+15005550006`);
    expect(twilioSignature("secret", url, params)).toBe(await webCryptoSignature("secret", signedPayload(url, params)));
  });

  it("accepts only the right signature, never without a secret", () => {
    const good = twilioSignature("secret", url, params);
    expect(validTwilioSignature("secret", url, params, good)).toBe(true);
    expect(validTwilioSignature("other", url, params, good)).toBe(false);
    expect(validTwilioSignature("secret", "https://portal.example.org/hooks/sms", params, good)).toBe(false);
    expect(validTwilioSignature("secret", url, { ...params, Body: "No" }, good)).toBe(false);
    expect(validTwilioSignature("secret", url, params, undefined)).toBe(false);
    expect(validTwilioSignature(null, url, params, good)).toBe(false);
  });
});
