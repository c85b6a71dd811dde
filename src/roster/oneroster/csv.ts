/**
 * RFC 4180 CSV read as a stream of text chunks: quoted fields with commas, doubled quotes and line
 * breaks inside, CRLF or LF (or CR), a UTF-8 byte-order mark. Written here rather than taken from
 * npm: csv-parse needs Node streams, papaparse is 20 KB for a browser; this is the one loop we need
 * and it never holds a whole file (rows go to the caller as they end).
 */

export interface CsvRecord {
  /** The physical line (1-based) on which the record starts. */
  line: number;
  fields: string[];
}

export class CsvParser {
  private field = "";
  private fields: string[] = [];
  private inQuotes = false;
  /** A quote inside a quoted field: the end of the field, or the first of a doubled quote. */
  private quoteSeen = false;
  /** The field began with a quote (so a later quote is text only if doubled). */
  private quoted = false;
  private previousCR = false;
  private started = false;
  private line = 1;
  private recordLine = 1;

  constructor(private readonly onRecord: (record: CsvRecord) => void) {}

  push(chunk: string): void {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (ch === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false; // fall through: `ch` follows the closing quote
        } else if (ch === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          if (ch === "\n" && !this.previousCR) this.line++;
          else if (ch === "\r") this.line++;
          this.previousCR = ch === "\r";
          this.field += ch;
          continue;
        }
      }
      if (ch === "\n" && this.previousCR) {
        this.previousCR = false;
        continue;
      }
      this.previousCR = false;
      if (ch === ",") {
        this.endField();
      } else if (ch === "\r" || ch === "\n") {
        this.previousCR = ch === "\r";
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
      } else if (ch === '"' && this.field === "" && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
      } else {
        this.field += ch;
      }
    }
  }

  /** The last record, when the text does not end with a line break. */
  end(): void {
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.inQuotes = false;
    }
    this.endRecord();
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = "";
    this.quoted = false;
  }

  private endRecord(): void {
    const blank = this.fields.length === 0 && this.field === "" && !this.quoted;
    this.endField();
    const fields = this.fields;
    this.fields = [];
    if (!blank) this.onRecord({ line: this.recordLine, fields });
  }
}

/** Every record of a UTF-8 byte stream, in batches (one per chunk read) so the caller can await between them. */
export async function* csvRecords(bytes: ReadableStream<Uint8Array>): AsyncGenerator<CsvRecord[]> {
  let pending: CsvRecord[] = [];
  const parser = new CsvParser((r) => pending.push(r));
  const reader = bytes.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.push(value);
    if (pending.length > 0) {
      yield pending;
      pending = [];
    }
  }
  parser.end();
  if (pending.length > 0) yield pending;
}

/** A record's fields by header name (trimmed); columns not in the file read as "". */
export class CsvTable {
  private readonly index = new Map<string, number>();

  constructor(readonly header: readonly string[]) {
    header.forEach((name, i) => {
      const key = name.trim();
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  /** Columns whose name matches, e.g. `ext_*language*` extension columns. */
  columnsMatching(test: (name: string) => boolean): string[] {
    return [...this.index.keys()].filter(test);
  }

  get(fields: readonly string[], column: string): string {
    const i = this.index.get(column);
    return i === undefined ? "" : (fields[i] ?? "").trim();
  }

  /** A OneRoster list field: comma-separated, with stray spaces. */
  list(fields: readonly string[], column: string): string[] {
    return this.get(fields, column)
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v !== "");
  }
}
