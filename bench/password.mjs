// The cost of one password check, measured where it runs: a sign-in with a wrong password for an
// address that has no account still runs one Argon2id hash (so timing tells nothing).
import { percentile } from "../scripts/local-server.mjs";

export async function benchPasswordHash(origin, samples = 8) {
  const ms = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    const res = await fetch(`${origin}/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", origin },
      body: new URLSearchParams({ email: `nobody${i}@example.com`, password: "not the password" }),
      redirect: "manual",
    });
    await res.arrayBuffer();
    ms.push(performance.now() - t0);
  }
  return [
    {
      name: "password check: sign-in with Argon2id (m=19 MiB, t=2, p=1)",
      value: `${Math.round(percentile(ms, 50))} / ${Math.round(percentile(ms, 99))}`,
      unit: "ms p50 / p99",
      notes: `${samples} sequential wrong-password sign-ins; OWASP minimum parameters`,
    },
  ];
}
