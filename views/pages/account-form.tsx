/** Pieces of the account and password pages' forms (the forms themselves are FullPageForm: they answer 422 and 429). */
import { Field } from "../components";

/** The new password, with the rule it must meet and what password managers need to offer one. */
export function NewPasswordField({ name, error }: { name: string; error?: string }) {
  return (
    <Field
      name={name}
      label="New password"
      type="password"
      error={error}
      autocomplete="new-password"
      hint="At least 8 characters. A few words you will remember work well."
      required
      minlength={8}
      maxlength={128}
    />
  );
}

/** "Tuesday, 3 March 2026, 14:05 UTC": the server does not know the parent's time zone, so it says which. */
export function When({ ms }: { ms: number }) {
  const d = new Date(ms);
  const text = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(d);
  return <time datetime={d.toISOString()}>{`${text} UTC`}</time>;
}
