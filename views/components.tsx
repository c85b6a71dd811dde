import type { Child } from "hono/jsx";
import { useRequestContext } from "../src/render-context";
import type { AppEnv } from "../src/env";
import { CSRF_FIELD } from "../src/lib/csrf-field";
import type { Locale } from "../src/i18n/locale";
import { useT } from "./i18n";

/** The hidden double-submit token every form carries (for old browsers without Origin headers); csrfFormToken made it. */
export function CsrfField() {
  const c = useRequestContext<AppEnv>();
  return <input type="hidden" name={CSRF_FIELD} value={c.var.csrfToken} />;
}

/** The way out of every error page (issue 14): a plain link to the home page. */
export function HomeLink() {
  return (
    <p>
      <a href="/">{useT().errors.home}</a>
    </p>
  );
}

/** A POST form that works without JavaScript and carries the CSRF token. */
export function PostForm(props: { action: string; children?: Child; class?: string; id?: string; "hx-target"?: string; "hx-swap"?: string; enctype?: "multipart/form-data" | "application/x-www-form-urlencoded" }) {
  const { children, ...rest } = props;
  return (
    <form method="post" {...rest}>
      <CsrfField />
      {children}
    </form>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  type?: string;
  value?: string | null;
  error?: string | undefined;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  minlength?: number;
  inputmode?: "text" | "search" | "email" | "url" | "none" | "numeric" | "tel" | "decimal";
  autofocus?: boolean;
}

/** A labelled input with its hint and error, tied together for screen readers. */
export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const described = [p.hint ? `${id}-hint` : null, p.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      {p.hint && <p class="hint muted" id={`${id}-hint`}>{p.hint}</p>}
      {p.error && <p class="error" id={`${id}-error`}>{p.error}</p>}
      <input
        id={id}
        name={p.name}
        type={p.type ?? "text"}
        value={p.value ?? undefined}
        autocomplete={p.autocomplete}
        required={p.required}
        maxlength={p.maxlength}
        minlength={p.minlength}
        inputmode={p.inputmode}
        autofocus={p.autofocus}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={described}
      />
    </div>
  );
}

/** A message at the top of a page (after a redirect, or a form-wide error). */
export function Notice({ kind = "info", children }: { kind?: "info" | "error" | "ok"; children?: Child }) {
  return (
    <div class={`notice ${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/**
 * A POST form whose answer may be a 4xx page (422 field messages, 401, 429): htmx does not swap
 * 4xx responses by default, so this form is left to the browser and always shows the answer.
 */
export function FullPageForm({ action, children, class: className }: { action: string; children?: Child; class?: string }) {
  return (
    <form method="post" action={action} class={className} hx-boost="false">
      <CsrfField />
      {children}
    </form>
  );
}

/** Google when it is configured; otherwise an honest sentence instead of a dead button. `label`: the page's own words, if any. */
export function GoogleChoice({ configured, label }: { configured: boolean; label?: string }) {
  const t = useT();
  return configured ? (
    // A full page load: Google's sign-in cannot open inside an htmx request.
    <a class="button secondary google" href="/auth/google" hx-boost="false">
      {label ?? t.common.continueWithGoogle}
    </a>
  ) : (
    <p class="muted">{t.common.googleNotSetUp}</p>
  );
}

/**
 * "45 seconds", "12 minutes": how long to wait before trying again (after a rate limit), in the
 * page's language: `waitWords(retryAfter, c.var.locale)` in a route, `useLocale()` in a view.
 */
export function waitWords(seconds: number, { t }: Pick<Locale, "t">): string {
  if (seconds < 90) return t.common.seconds(Math.max(1, Math.ceil(seconds)));
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? t.common.aMinute : t.common.minutes(minutes);
}
