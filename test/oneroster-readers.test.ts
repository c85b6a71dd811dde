import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CsvParser, csvRecords, CsvTable, type CsvRecord } from "../src/roster/oneroster/csv";
import { bufferSource, openEntry, readZipEntries, ZipError } from "../src/roster/oneroster/zip";
import { buildZip } from "./world";

function parse(chunks: string[]): CsvRecord[] {
  const out: CsvRecord[] = [];
  const p = new CsvParser((r) => out.push(r));
  for (const c of chunks) p.push(c);
  p.end();
  return out;
}

describe("CSV (RFC 4180) as a stream", () => {
  it("reads quotes, doubled quotes, commas and line breaks inside fields, CRLF, a BOM, and gives each record's first line", () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\r\nlines",z\r\n\r\n3,,\n4,last,"end"';
    expect(parse([text])).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "x, y", 'say "hi"'] },
      { line: 3, fields: ["2", "two\r\nlines", "z"] },
      { line: 6, fields: ["3", "", ""] },
      { line: 7, fields: ["4", "last", "end"] },
    ]);
  });

  it("gives the same records however the text is cut into chunks", () => {
    const cell = fc.oneof(fc.constantFrom("", '"', ",", "\r\n", "\n", "a b", "é", '""'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), (rows, cuts) => {
        const text = rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(",")).join("\r\n");
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points, text.length].slice(1).map((end, i, all) => text.slice(i === 0 ? 0 : all[i - 1], end));
        const whole = parse([text]).map((r) => r.fields);
        expect(parse(chunks).map((r) => r.fields)).toEqual(whole);
        expect(whole).toEqual(rows);
      }),
    );
  });

  it("matches columns by header name and splits list fields with stray spaces", async () => {
    const bytes = new TextEncoder().encode('sourcedId, agentSourcedIds ,metadata.x\r\nu1," p1 ,  p2,,p3 ",\r\n');
    const records = [];
    for await (const batch of csvRecords(new Blob([bytes]).stream())) records.push(...batch);
    const table = new CsvTable(records[0]!.fields);
    expect(table.list(records[1]!.fields, "agentSourcedIds")).toEqual(["p1", "p2", "p3"]);
    expect(table.get(records[1]!.fields, "missing")).toBe("");
  });
});

describe("zip reader", () => {
  it("lists entries from the central directory and streams stored and deflated ones", async () => {
    for (const store of [true, false]) {
      const zip = await buildZip({ "dir/a.csv": "x,y\n1,2\n", "b.txt": "é".repeat(1000) }, { store });
      const source = bufferSource(zip);
      const entries = await readZipEntries(source);
      expect(entries.map((e) => [e.name, e.size])).toEqual([["dir/a.csv", 8], ["b.txt", 2000]]);
      expect(await new Response(await openEntry(source, entries[1]!)).text()).toBe("é".repeat(1000));
    }
  });

  it("says plainly when a file is not a zip", async () => {
    await expect(readZipEntries(bufferSource(new TextEncoder().encode("name,value\n".repeat(10))))).rejects.toBeInstanceOf(ZipError);
    await expect(readZipEntries(bufferSource(new Uint8Array(3)))).rejects.toThrow(/not a zip/);
  });
});
