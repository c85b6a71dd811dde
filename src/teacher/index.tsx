import { Hono } from "hono";
import type { AppEnv } from "../env";
import { teacherBadgeRoutes } from "./badge-routes";
import { teacherClassRoutes } from "./classes-routes";
import { teacherGoogleRoutes } from "./google-routes";
import { teacherMessagingRoutes } from "./messages-routes";
import { teacherSettingsRoutes } from "./settings-routes";
import { teacherSignInRoutes } from "./sign-in-routes";

/** Everything under /teacher: sign-in (link or Google), the teacher's classes, messages and settings. */
export const teacherRoutes = new Hono<AppEnv>();

teacherRoutes.route("/sign-in", teacherSignInRoutes); // /teacher/sign-in, /teacher/sign-in/:token, /teacher/sign-in/choose
teacherRoutes.route("/auth/google", teacherGoogleRoutes); // /teacher/auth/google, /teacher/auth/google/callback
teacherRoutes.route("/", teacherBadgeRoutes); // /teacher/sections/:id/badges(/print|/regenerate), /teacher/students/:id/badge/(regenerate|void)
teacherRoutes.route("/", teacherClassRoutes); // /teacher, /teacher/sections/:id, /teacher/students/:id/contacts/:id/invite
teacherRoutes.route("/messages", teacherMessagingRoutes); // /teacher/messages, …/new, …/broadcast/:sectionId, …/:id, …/:id/since/:seq
teacherRoutes.route("/settings", teacherSettingsRoutes); // /teacher/settings, …/messages, …/name, …/notifications
