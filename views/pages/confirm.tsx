/**
 * The page that asks before something destructive (issue 14): what will stop working, in
 * sentences, one button that does it (a real POST form: works without JavaScript) and a way back.
 * The button's own form is the only way the pages offer these actions.
 */
import { FullPageForm } from "../components";

export interface ConfirmPageProps {
  title: string;
  /** Exactly what stops working, one sentence a paragraph. */
  consequences: string[];
  action: string;
  /** Fields the action needs besides the CSRF token (e.g. where to go back to). */
  fields?: Record<string, string>;
  button: string;
  cancel: { href: string; text: string };
}

export function ConfirmPage(p: ConfirmPageProps) {
  return (
    <section class="confirm">
      <h1>{p.title}</h1>
      {p.consequences.map((text) => (
        <p>{text}</p>
      ))}
      <FullPageForm action={p.action}>
        {Object.entries(p.fields ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <p class="actions">
          <button type="submit" class="danger">
            {p.button}
          </button>
          <a href={p.cancel.href}>{p.cancel.text}</a>
        </p>
      </FullPageForm>
    </section>
  );
}
