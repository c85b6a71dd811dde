import { Hono } from "hono";
import type { AppEnv } from "../env";
import { HelpPage } from "../../views/pages/help";

/** /help: public, so a parent who cannot sign in can still read it (SPEC 3.8). */
export const helpRoutes = new Hono<AppEnv>();

helpRoutes.get("/", (c) => c.render(<HelpPage />, { title: c.var.locale.t.help.title }));
