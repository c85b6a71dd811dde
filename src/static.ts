import { STATIC_MANIFEST } from "./generated/static-manifest";

const byName = new Map(STATIC_MANIFEST.map((a) => [a.name, a]));

/** The content-hashed URL of a file under static/ (or htmx.min.js). */
export function asset(name: string): string {
  const a = byName.get(name);
  if (!a) throw new Error(`unknown static asset: ${name}`);
  return `/static/${a.file}`;
}

/** A picture under static/ (say `tour/en-home.webp`): its URL and size in pixels, for `<img src width height>`. */
export function picture(name: string): { src: string; width: number; height: number } {
  const a = byName.get(name);
  if (!a?.picture || !a.width || !a.height) throw new Error(`unknown picture: static/${name}`);
  return { src: `/static/${a.file}`, width: a.width, height: a.height };
}
