// Every language catalog has exactly the English catalog's keys, each of the same kind (text or a
// function of the same arity), and no empty text: a missing key fails here as well as in tsc.
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../src/generated/catalogs";
import en from "../src/i18n/catalogs/en";

interface Shape {
  [key: string]: "text" | `function/${number}` | Shape;
}

function shapeOf(node: unknown, path: string, problems: string[]): Shape | "text" | `function/${number}` {
  if (typeof node === "string") {
    if (node.trim() === "") problems.push(`${path} is empty`);
    return "text";
  }
  if (typeof node === "function") return `function/${node.length}`;
  if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, shapeOf(v, `${path}.${k}`, problems)])) as Shape;
  problems.push(`${path} is ${typeof node}`);
  return "text";
}

describe("language catalogs", () => {
  const problems: string[] = [];
  const reference = shapeOf(en, "en", problems);

  it("English is complete and every other catalog has exactly its keys, of the same kinds", () => {
    expect(Object.keys(CATALOGS)).toEqual(expect.arrayContaining(["en", "es"]));
    for (const [tag, catalog] of Object.entries(CATALOGS)) {
      expect(shapeOf(catalog, tag, problems), tag).toEqual(reference);
      expect(catalog.meta.tag).toBe(tag);
    }
    expect(problems).toEqual([]);
  });

  it("each language names itself in its own language, and the names differ", () => {
    const names = Object.values(CATALOGS).map((c) => c.meta.name);
    expect(new Set(names).size).toBe(names.length);
    expect(CATALOGS.es?.meta.name).toBe("Español");
  });

  it("a missing key is caught (the check above is not blind)", () => {
    const { signIn: _dropped, ...layout } = en.layout;
    expect(shapeOf({ ...en, layout }, "missing", [])).not.toEqual(reference);
    const found: string[] = [];
    shapeOf({ ...en, layout: { ...en.layout, signIn: "" } }, "empty", found);
    expect(found).toEqual(["empty.layout.signIn is empty"]);
  });
});
