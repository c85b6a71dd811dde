/** /help: the questions families ask most, answered for this product (SPEC 3.8), in the page's language. */
import { useT } from "../i18n";
import { RichText } from "../rich-text";
import type { Catalog } from "../../src/i18n/catalog";

type QuestionId = keyof Catalog["help"]["questions"];

/** The questions in page order; each id is its section's anchor. */
export const HELP_QUESTIONS: readonly QuestionId[] = [
  "setting-up",
  "several-children",
  "missing-child",
  "several-guardians",
  "expired-invitation",
  "change-email",
  "change-name",
  "wrong-child",
  "forgot-password",
  "instant-login",
  "badges",
  "district-links",
  "ideas",
  "messages",
];

/** An answer: paragraphs, and a numbered list where the catalog gives one (an array of steps). */
function Answer({ blocks }: { blocks: readonly (string | readonly string[])[] }) {
  return (
    <>
      {blocks.map((block) =>
        typeof block === "string" ? (
          <p>
            <RichText text={block} />
          </p>
        ) : (
          <ol>
            {block.map((step) => (
              <li>
                <RichText text={step} />
              </li>
            ))}
          </ol>
        ),
      )}
    </>
  );
}

export function HelpPage() {
  const t = useT().help;
  return (
    <article class="help">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        <a href="/tour">{t.tour.link}</a>
      </p>
      <nav class="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">{t.contents}</h2>
        <ul>
          {HELP_QUESTIONS.map((id) => (
            <li>
              <a href={`#${id}`}>{t.questions[id].q}</a>
            </li>
          ))}
        </ul>
      </nav>
      {HELP_QUESTIONS.map((id) => (
        <section id={id} aria-labelledby={`${id}-h`}>
          <h2 id={`${id}-h`}>{t.questions[id].q}</h2>
          <Answer blocks={t.questions[id].a} />
        </section>
      ))}
    </article>
  );
}
