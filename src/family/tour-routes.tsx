import { Hono } from "hono";
import type { AppEnv } from "../env";
import { TourPage } from "../../views/pages/tour";

/** /tour: public, so a parent can look before the invitation arrives (linked from the welcome page, home and Help). */
export const tourRoutes = new Hono<AppEnv>();

tourRoutes.get("/", (c) => c.render(<TourPage />, { title: c.var.locale.t.help.tour.title }));
