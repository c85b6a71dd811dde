/**
 * The reader's time zone for message times: Cloudflare tells us the zone of the visitor's
 * address (request.cf.timezone); without it (local runs, tests) times are shown in UTC and say so.
 */
export function viewerTimeZone(req: Request): string {
  const tz: unknown = req.cf?.timezone;
  if (typeof tz === "string" && tz.length > 0 && tz.length <= 64) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return tz;
    } catch {
      // Not a zone this runtime knows.
    }
  }
  return "UTC";
}
