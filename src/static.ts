import { STATIC_ASSETS } from "./generated/static-assets";

const byName = new Map(STATIC_ASSETS.map((a) => [a.name, a]));

/** The content-hashed URL of a file under static/ (or htmx.min.js). */
export function asset(name: string): string {
  const a = byName.get(name);
  if (!a) throw new Error(`unknown static asset: ${name}`);
  return `/static/${a.file}`;
}
