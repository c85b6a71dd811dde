import type { Child } from "hono/jsx";
import { CsrfField } from "../components";

/**
 * A POST form for the account and password pages, submitted as a plain page load: htmx does not
 * swap 4xx answers, and these forms answer field errors with 422 (and 429 when paused).
 */
export function AccountForm(props: { action: string; class?: string; children?: Child }) {
  return (
    <form method="post" action={props.action} class={props.class} hx-boost="false">
      <CsrfField />
      {props.children}
    </form>
  );
}

/** "Tuesday, 3 March 2026, 14:05 UTC": the server does not know the parent's time zone, so it says which. */
export function When({ ms }: { ms: number }) {
  const d = new Date(ms);
  const text = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(d);
  return <time datetime={d.toISOString()}>{`${text} UTC`}</time>;
}
