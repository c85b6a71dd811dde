// A translator that just failed is not asked again at once (src/translation/pause.ts): readers get
// the original straight away instead of waiting out the deadline on every read.
import { describe, expect, it } from "vitest";
import { MAX_PAUSE_MS, PAUSE_MS, UNSUPPORTED_PAUSE_MS, pausedAfterFailures } from "../src/translation/pause";
import { TranslationError, type FailureKind, type Translator } from "../src/translation/translator";

/** A backend that fails with `fail` (or answers) and counts its calls; a clock the test moves. */
let backends = 0;

function scene() {
  const s = { calls: 0, fail: null as FailureKind | null, at: 1_000_000 };
  const backend: Translator = {
    name: "stand-in",
    async translate(text, _source, target) {
      s.calls++;
      if (s.fail) throw new TranslationError(s.fail, "stand-in failed");
      return `[${target}] ${text}`;
    },
  };
  const translator = pausedAfterFailures(backend, `stand-in ${++backends}`, () => s.at);
  const ask = (target = "es") => translator.translate("Hello", "en", target, new AbortController().signal);
  const kindOf = (p: Promise<unknown>) => p.then(() => "ok", (e: TranslationError) => e.kind);
  return { s, ask, kindOf };
}

describe("a translator paused after failing", () => {
  it("down: not asked again for PAUSE_MS, then asked again; a success ends the pausing", async () => {
    const { s, ask, kindOf } = scene();
    s.fail = "unavailable";
    expect(await kindOf(ask())).toBe("unavailable");
    expect(await kindOf(ask())).toBe("paused");
    s.at += PAUSE_MS - 1;
    expect(await kindOf(ask("fr"))).toBe("paused");
    expect(s.calls).toBe(1);
    s.at += 1;
    s.fail = null;
    expect(await ask()).toBe("[es] Hello");
    expect(s.calls).toBe(2);
    // After a success, one failure pauses for PAUSE_MS again (not longer).
    s.fail = "timeout";
    expect(await kindOf(ask())).toBe("timeout");
    s.at += PAUSE_MS;
    s.fail = null;
    expect(await kindOf(ask())).toBe("ok");
  });

  it("failing again after each pause: the pause doubles, up to MAX_PAUSE_MS", async () => {
    const { s, ask, kindOf } = scene();
    s.fail = "timeout";
    let expected = PAUSE_MS;
    for (let i = 0; i < 8; i++) {
      expect(await kindOf(ask())).toBe("timeout");
      s.at += expected - 1;
      expect(await kindOf(ask())).toBe("paused");
      s.at += 1;
      expected = Math.min(expected * 2, MAX_PAUSE_MS);
    }
    expect(expected).toBe(MAX_PAUSE_MS);
    expect(s.calls).toBe(8);
  });

  it("a language it refuses is not asked for an hour; other languages still are", async () => {
    const { s, ask, kindOf } = scene();
    s.fail = "unsupported";
    expect(await kindOf(ask("hmn"))).toBe("unsupported");
    s.fail = null;
    expect(await kindOf(ask("hmn"))).toBe("unsupported");
    expect(await ask("es")).toBe("[es] Hello");
    expect(s.calls).toBe(2);
    s.at += UNSUPPORTED_PAUSE_MS;
    expect(await ask("hmn")).toBe("[hmn] Hello");
  });

  it("calls in flight together that all fail pause once, not once each", async () => {
    const { s, ask, kindOf } = scene();
    s.fail = "unavailable";
    expect(await Promise.all([1, 2, 3, 4, 5, 6].map(() => kindOf(ask())))).toEqual(Array(6).fill("unavailable"));
    s.at += PAUSE_MS;
    s.fail = null;
    expect(await ask()).toBe("[es] Hello");
  });

  it("a bad answer is about that text: nothing is paused", async () => {
    const { s, ask, kindOf } = scene();
    s.fail = "bad_answer";
    expect(await kindOf(ask())).toBe("bad_answer");
    s.fail = null;
    expect(await ask()).toBe("[es] Hello");
  });
});
