import type { Bindings } from "../env";
import { asset } from "../static";

/** The badge picture's bitmap font: each glyph's advance width in px and one bit mask per row. */
export interface BadgeFont {
  height: number;
  glyphs: Readonly<Record<string, readonly [number, readonly number[]]>>;
}

/**
 * src/badges/font.ts as scripts/build-static.mjs writes it to Static Assets (badge-font.json), read
 * once per isolate through ASSETS: its 12 KB of glyphs stay out of the worker's bundle. A failed
 * read is not kept; the next badge download tries again.
 */
let font: Promise<BadgeFont> | undefined;

export function badgeFont(env: Pick<Bindings, "ASSETS">): Promise<BadgeFont> {
  font ??= env.ASSETS.fetch(`https://assets.invalid${asset("badge-font.json")}`)
    .then(async (res) => {
      if (!res.ok) throw new Error(`badge-font.json: asset service answered ${res.status}`);
      return res.json<BadgeFont>();
    })
    .catch((err: unknown) => {
      font = undefined;
      throw err;
    });
  return font;
}
