// The translators behind src/translation/: Workers AI through a stub AI binding (the request shape
// {text, source_lang, target_lang} and the answer {translated_text}), the choice by configuration,
// and the placeholders that keep links, numbers and names out of the translator's hands.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config } from "../src/config";
import { translatorFor } from "../src/translation/choose";
import { protect, restore } from "../src/translation/placeholders";
import { TranslationError } from "../src/translation/translator";
import { M2M100, workersAi, type AiRunner } from "../src/translation/workers-ai";
import { Browser, messageWorld, settleBackgroundWork, signInAs, startThread } from "./world";

afterEach(() => vi.restoreAllMocks());

/** A stub of the AI binding: "<target>: <text>", every call recorded. */
function stubAi(answer?: (input: { text: string; source_lang: string; target_lang: string }) => Promise<{ translated_text?: string }>) {
  const calls: { model: string; input: { text: string; source_lang: string; target_lang: string } }[] = [];
  const ai: AiRunner = {
    async run(model, input) {
      calls.push({ model, input });
      return answer ? answer(input) : { translated_text: `${input.target_lang}: ${input.text}` };
    },
  };
  return { ai, calls };
}

const never = () => new AbortController().signal;

describe("the Workers AI backend", () => {
  it("sends {text, source_lang, target_lang} to m2m100 and reads translated_text", async () => {
    const { ai, calls } = stubAi();
    expect(await workersAi(ai).translate("Hello", "en", "es", never())).toBe("es: Hello");
    expect(calls).toEqual([{ model: "@cf/meta/m2m100-1.2b", input: { text: "Hello", source_lang: "en", target_lang: "es" } }]);
    expect(M2M100).toBe("@cf/meta/m2m100-1.2b");
  });

  it("a language m2m100 does not have (Hmong) fails at once, without a call", async () => {
    const { ai, calls } = stubAi();
    await expect(workersAi(ai).translate("Hello", "en", "hmn", never())).rejects.toMatchObject({ kind: "unsupported" });
    expect(calls).toEqual([]);
  });

  it("an error, an empty answer, or the deadline passing is a TranslationError", async () => {
    const failing = stubAi(async () => {
      throw new Error("AI: 5xx");
    });
    await expect(workersAi(failing.ai).translate("Hi", "en", "es", never())).rejects.toBeInstanceOf(TranslationError);
    const empty = stubAi(async () => ({}));
    await expect(workersAi(empty.ai).translate("Hi", "en", "es", never())).rejects.toMatchObject({ kind: "bad_answer" });
    const slow = stubAi(() => new Promise(() => undefined));
    await expect(workersAi(slow.ai).translate("Hi", "en", "es", AbortSignal.timeout(50))).rejects.toMatchObject({ kind: "timeout" });
  });

  it("bound as AI (and no TRANSLATE_API_URL), it translates a teacher's message for a Spanish-speaking parent", async () => {
    const { ai, calls } = stubAi();
    const bindings = { ...env, AI: ai } as unknown as typeof env;
    expect(config(bindings).translation).toEqual({ kind: "workers-ai" });
    const m = await messageWorld();
    await env.DB.prepare("UPDATE teachers SET language = 'en' WHERE id = ?").bind(m.w.ids.T1).run();
    await env.DB.prepare("UPDATE users SET language = 'es' WHERE id = ?").bind(m.users.rosa.id).run();
    const teacher = new Browser("vitest-browser", bindings);
    await signInAs(teacher, "teacher", m.w.ids.T1);
    const id = await startThread(teacher, m.w.ids.S1, m.users.rosa.id, "See you at 9:00");
    await settleBackgroundWork();
    const rosa = new Browser("vitest-browser", bindings);
    await signInAs(rosa, "parent", m.users.rosa.id);
    const html = await (await rosa.get(`/messages/${id}`)).text();
    expect(html).toContain("es: See you at 9:00");
    expect(html).toContain("Traducido automáticamente");
    expect(calls.map((c) => [c.input.source_lang, c.input.target_lang])).toEqual([["en", "es"]]);
    // The time went as a placeholder.
    expect(calls[0]!.input.text).not.toContain("9:00");
  });
});

describe("the choice by configuration", () => {
  it("TRANSLATE_API_URL wins over the AI binding; neither: no translator; a bad URL: none", () => {
    const { ai } = stubAi();
    expect(config({ ...env, AI: ai, TRANSLATE_API_URL: "http://lt.test/translate", TRANSLATE_API_KEY: " k " } as typeof env).translation).toEqual({
      kind: "libretranslate",
      url: "http://lt.test/translate",
      key: "k",
    });
    expect(translatorFor({ ...env, AI: ai, TRANSLATE_API_URL: "http://lt.test/translate" } as typeof env)?.name).toBe("libretranslate");
    expect(translatorFor({ ...env, AI: ai } as unknown as typeof env)?.name).toBe("workers-ai");
    expect(translatorFor({ ...env } as typeof env)).toBeNull();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(translatorFor({ ...env, TRANSLATE_API_URL: "ftp://nope" } as typeof env)).toBeNull();
  });
});

describe("placeholders", () => {
  it("links, emails, numbers and the thread's names go as tokens and come back", () => {
    const text = "Maya Johnson: trip on 12/05 at 8:30 ($15), https://school.example.org/a?b=1, office@school.example.org, call 555-0100.";
    const p = protect(text, ["Maya Johnson", "Ana Rivera"]);
    for (const kept of ["Maya", "Johnson", "12/05", "8:30", "15", "https://school.example.org/a?b=1", "office@school.example.org", "555-0100"]) {
      expect(p.text).not.toContain(kept);
    }
    expect(restore(p.text, p.kept)).toBe(text);
    // A translator that lower-cases a token or moves it still gets it put back.
    const [first] = [...p.kept.keys()];
    expect(restore(p.text.replace(first!, first!.toLowerCase()), p.kept)).toBe(text);
  });

  it("a token the translator dropped is added at the end; a text that looks like tokens is sent as is", () => {
    const p = protect("Pick-up at 3:15 https://x.example/a", []);
    expect(restore("Recogida a las", p.kept)).toBe("Recogida a las 3:15 https://x.example/a");
    expect(protect("ZXQA is my code 12", []).text).toBe("ZXQA is my code 12");
  });

  it("a name inside a longer word is left alone", () => {
    const p = protect("Ana and Anabel", ["Ana Rivera"]);
    expect(p.text).toContain("Anabel");
    expect(p.text).not.toMatch(/\bAna\b/);
  });
});
