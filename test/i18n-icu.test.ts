// The ICU MessageFormat subset the catalogs are written in (src/i18n/icu.ts): what a translator
// writes is what a family reads, in each language's plural rules and number format.
import { describe, expect, it } from "vitest";
import { formatMessage, messageLanguage, parseMessage, TemplateError, type MessageArg } from "../src/i18n/icu";

const say = (tag: string, template: string, params: string[], ...args: MessageArg[]) => formatMessage(parseMessage(template, params), args, messageLanguage(tag));

describe("ICU templates", () => {
  it("puts each placeholder's value in, by name, as often as it is used", () => {
    expect(say("en", "{title} · Family Portal", ["title"], "Home")).toBe("Home · Family Portal");
    expect(say("en", "To reach {teacher}, ask {teacher}'s school.", ["teacher"], "Ms. Rivera")).toBe("To reach Ms. Rivera, ask Ms. Rivera's school.");
    expect(say("en", "{b} then {a}", ["a", "b"], "first", "second")).toBe("second then first");
  });

  it("chooses the plural form by the language's rules, in English and in Spanish", () => {
    const en = "{count, plural, one {# new badge} other {# new badges}}";
    expect(say("en", en, ["count"], 1)).toBe("1 new badge");
    expect(say("en", en, ["count"], 0)).toBe("0 new badges");
    expect(say("en", en, ["count"], 2)).toBe("2 new badges");
    const es = "{count, plural, one {# credencial nueva} other {# credenciales nuevas}}";
    expect(say("es", es, ["count"], 1)).toBe("1 credencial nueva");
    expect(say("es", es, ["count"], 3)).toBe("3 credenciales nuevas");
  });

  it("an exact case (=N) comes before the plural category", () => {
    const t = "{m, plural, =1 {in a minute} other {in # minutes}}";
    expect(say("en", t, ["m"], 1)).toBe("in a minute");
    expect(say("en", t, ["m"], 5)).toBe("in 5 minutes");
    expect(say("es", "{h, plural, =1 {a la} other {a las}} {h}:30", ["h"], 1)).toBe("a la 1:30");
    expect(say("es", "{h, plural, =1 {a la} other {a las}} {h}:30", ["h"], 13)).toBe("a las 13:30");
  });

  it("# and {x, number} are formatted in the catalog's language; a plain {x} is the value as given", () => {
    const t = "{n, plural, one {# family} other {# families}}";
    expect(say("en", t, ["n"], 12345)).toBe("12,345 families");
    expect(say("es", t, ["n"], 12345)).toBe("12.345 families");
    expect(say("en", "at most {max, number} characters", ["max"], 2000)).toBe("at most 2,000 characters");
    expect(say("es", "{max, number}", ["max"], 2000)).toBe("2000"); // Spanish groups from five digits
    expect(say("en", "code {n}", ["n"], 12345)).toBe("code 12345");
    // Another argument inside a plural is itself; `#` is only the plural's number.
    expect(say("en", "{n, plural, one {{who} has # child} other {{who} has # children}}", ["who", "n"], "Rosa", 2)).toBe("Rosa has 2 children");
  });

  it("select: the named case, else other; a missing (null) value is the none case", () => {
    const t = "and {school, select, none {the school} other {{school}}} can see it";
    expect(say("en", t, ["school"], "Maple Grove")).toBe("and Maple Grove can see it");
    expect(say("en", t, ["school"], null)).toBe("and the school can see it");
    expect(say("en", "{k, select, a {A} other {?}}", ["k"], "a")).toBe("A");
    expect(say("en", "{k, select, a {A} other {?}}", ["k"], "b")).toBe("?");
  });

  it("apostrophes: '{' is a literal brace, '' one apostrophe, any other apostrophe itself", () => {
    expect(say("en", "Use '{name}' literally for {name}", ["name"], "Ana")).toBe("Use {name} literally for Ana");
    expect(say("en", "It''s {x}", ["x"], "here")).toBe("It's here");
    expect(say("en", "your child's school, don't worry", [])).toBe("your child's school, don't worry");
    expect(say("en", "{n, plural, one {# is '#' one} other {# is '#' more}}", ["n"], 2)).toBe("2 is # more");
    expect(say("en", "a # outside a plural", [])).toBe("a # outside a plural");
  });

  it("refuses what a translator might get wrong, naming it", () => {
    const bad = (template: string, params: string[] = ["name", "count"]) => () => parseMessage(template, params);
    expect(bad("Hello {nmae}")).toThrow(TemplateError);
    expect(bad("Hello {nmae}")).toThrow(/unknown placeholder \{nmae\}/);
    expect(bad("Hello {name")).toThrow(TemplateError);
    expect(bad("Hello name}")).toThrow(/unmatched/);
    expect(bad("{count, plural, one {# item}}")).toThrow(/needs an "other" case/);
    expect(bad("{count, plural, single {# item} other {# items}}")).toThrow(/unknown plural case/);
    expect(bad("{count, plural, one {a} one {b} other {c}}")).toThrow(/twice/);
    expect(bad("{count, date}")).toThrow(/unknown argument type/);
    expect(bad("'{unclosed")).toThrow(/unclosed quote/);
    expect(bad("{count, plural, other {{nmae}}}")).toThrow(/unknown placeholder/);
  });
});
