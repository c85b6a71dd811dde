import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./migrations",
  // Flat NNNN_name.sql files, which wrangler and readD1Migrations read directly.
  migrations: { prefix: "index" },
  // wrangler's own bookkeeping table is not ours to diff.
  tablesFilter: ["!d1_migrations", "!_cf_*"],
});
