import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env";
import { adminApi } from "./admin-routes";
import { adminIdeasApi } from "./admin-ideas-routes";
import { adminStewardshipApi } from "./admin-stewardship-routes";
import { requireDistrict } from "./auth";
import { badgesApi } from "./badges-routes";
import { apiError } from "./errors";
import { guardiansApi } from "./guardians-routes";
import { invitationsApi } from "./invitations-routes";
import { linksApi } from "./links-routes";
import { onerosterApi } from "./oneroster-routes";
import { serveOpenApi } from "./openapi-served";
import { reportsApi } from "./reports-routes";
import { rosterApi } from "./roster-routes";
import { settingsApi } from "./settings-routes";
import { stewardshipApi } from "./stewardship-routes";

/** `/api/v1`: the district and admin JSON API. */
export const api = new Hono<AppEnv>();

const jsonBodyLimit = bodyLimit({
  maxSize: 8 * 1024 * 1024,
  onError: (c) => apiError(c, 413, "payload_too_large", "The request body is larger than 8 MiB; send it in smaller chunks."),
});
// A OneRoster zip (up to 100 MB) is streamed to R2 by its route, which checks its own limit.
api.use((c, next) => (c.req.method === "POST" && c.req.path === "/api/v1/roster/oneroster" ? next() : jsonBodyLimit(c, next)));
api.get("/openapi.json", serveOpenApi);
api.route("/admin", adminApi);
api.route("/admin", adminIdeasApi); // /ideas, /idea-suggestions
api.route("/admin", adminStewardshipApi); // DELETE /districts/:id

// Everything below is a district call, scoped to the token's district.
const district = new Hono<AppEnv>();
district.use(requireDistrict);
district.route("/", rosterApi); // /schools, /teachers, /students, /sections, /roster
district.route("/", onerosterApi); // /roster/oneroster, /roster/imports, /students/:sisId/contacts
district.route("/students", guardiansApi); // /students/:sisId/guardians
district.route("/students", badgesApi); // /students/:sisId/badge
district.route("/links", linksApi);
district.route("/settings", settingsApi);
district.route("/invitations", invitationsApi);
district.route("/reports", reportsApi);
district.route("/", stewardshipApi); // DELETE /students/:sisId, /schools/:sisId; GET /audit

api.route("/", district);
api.notFound((c) => apiError(c, 404, "not_found", "No such route."));
