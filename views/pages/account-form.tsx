/** Pieces of the account and password pages' forms (the forms themselves are FullPageForm: they answer 422 and 429). */
import { Field } from "../components";
import { useLocale, useT } from "../i18n";

/** The new password, with the rule it must meet and what password managers need to offer one. */
export function NewPasswordField({ name, error }: { name: string; error?: string }) {
  const t = useT().account.password;
  return (
    <Field name={name} label={t.new} type="password" error={error} autocomplete="new-password" hint={t.newHint} required minlength={8} maxlength={128} />
  );
}

/**
 * "Mar 3, 2026, 9:05 AM EST" / "3 mar 2026, 9:05 a. m. GMT-5": in the reader's language and time
 * zone (the locale's), naming the zone, since the server does not know where the device is.
 */
export function When({ ms }: { ms: number }) {
  const { tag, timeZone } = useLocale();
  const d = new Date(ms);
  const text = new Intl.DateTimeFormat(tag, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" }).format(d);
  return <time datetime={d.toISOString()}>{text}</time>;
}
