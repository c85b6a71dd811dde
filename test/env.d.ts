import type { D1Migration } from "cloudflare:test";
import type { Secrets } from "../src/config";

// worker-configuration.d.ts types wrangler.toml's bindings (and the main module); the tests add
// the secrets vitest.config.ts sets and the migrations they apply.
declare global {
  namespace Cloudflare {
    interface Env extends Secrets {
      TEST_MIGRATIONS: D1Migration[];
      /** The second district database (vitest.config.ts, src/db/route.ts). */
      DB_2: D1Database;
      DISTRICT_DATABASES: string;
    }
  }
}
