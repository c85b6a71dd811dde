import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  const migrations = await readD1Migrations("migrations");
  return {
    plugins: [
      cloudflareTest({
        main: "./src/index.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // The suite never touches the network: the stand-in mail and SMS APIs accept everything
          // (tests that care stub fetch themselves), anything else is refused.
          outboundService: (request: Request) => {
            const host = new URL(request.url).hostname;
            if (host === "mail.test" || host === "sms.test") return new Response('{"ok":true}', { status: 202 });
            return new Response("no network in tests", { status: 599 });
          },
          // A second district database (src/db/route.ts): the district with this id lives there
          // (test/district-databases.test.ts); every other district in DB, as by default.
          d1Databases: { DB_2: "family-portal-district-2" },
          bindings: {
            TEST_MIGRATIONS: migrations,
            DISTRICT_DATABASES: JSON.stringify({ dst_routedtodb2: "DB_2" }),
            // wrangler.toml's top-level vars say production (safe for a plain deploy).
            ENVIRONMENT: "development",
            // wrangler.toml's top level names no PUBLIC_URL (a plain deploy must not mail local links).
            PUBLIC_URL: "http://127.0.0.1:8787",
            ADMIN_TOKEN: "test-admin-token-0123456789abcdef",
            BADGE_SECRET: "test-badge-secret-0123456789abcdef",
            MAIL_API_URL: "http://mail.test/send",
            MAIL_API_KEY: "test-mail-key",
            MAIL_FROM: "Family Portal <no-reply@family.test>",
            SMS_API_URL: "http://sms.test/send",
            SMS_API_KEY: "test-sms-key",
            SMS_WEBHOOK_SECRET: "test-sms-webhook-secret",
          },
        },
      }),
    ],
    test: {
      // One runtime for all files: starting workerd and loading the app for each of 60-odd files
      // took longer than most files' tests. test/setup/fresh-storage.ts empties storage per file.
      isolate: false,
      setupFiles: ["./test/setup/fresh-storage.ts"],
      include: ["test/**/*.test.ts", "src/**/*.test.ts"],
      // Fixtures hash no passwords (test/world/people.ts); tests of the sign-in paths that check
      // many real ones take a few seconds, and say so where they need more. 20 s leaves room for a
      // 2-core CI machine shared with other work (a passing test takes no longer for it).
      testTimeout: 20_000,
      hookTimeout: 30_000,
    },
  };
});
