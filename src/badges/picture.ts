/**
 * A badge picture uploaded at /badges without JavaScript: the worker reads the QR code itself
 * (the camera page does it in the browser). Our badge download is a PNG, and so are phone
 * screenshots; other formats are not read (no image library in the Worker).
 */
import decodeQR from "qr/decode.js";
import { decodePng } from "./png-read";

/** Uploads are small: our badge PNG is a few KB; a screenshot well under this. */
export const BADGE_PICTURE_MAX_BYTES = 2 * 1024 * 1024;
/** Pixels read at most (a 2000 × 2000 screenshot): bounds memory and the decoder's time. */
export const BADGE_PICTURE_MAX_PIXELS = 4_000_000;

/** The text of the QR code in the picture, or null when there is no picture we can read or no code in it. */
export async function readBadgePicture(bytes: Uint8Array): Promise<string | null> {
  const pixels = await decodePng(bytes, BADGE_PICTURE_MAX_PIXELS);
  if (!pixels) return null;
  try {
    // A few retries past the camera-frame minimum: an upload is read once, not 60 times a second.
    // (Effort, not timeLimit: a Worker's clock does not advance while it computes.)
    return decodeQR({ width: pixels.width, height: pixels.height, data: pixels.rgba }, { format: "RGBA", effort: QR_EFFORT });
  } catch {
    return null; // no code found, or one that does not decode
  }
}

/** qr/decode's retry tier (1 = no retries); measured on screenshots and photos of badges. */
const QR_EFFORT = 4;

/** Where the upload form posts (src/pages.ts gives this one route a bigger body limit). */
export const BADGE_PICTURE_PATH = "/badges/picture";
