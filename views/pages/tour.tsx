/** /tour: a new parent's first day in seven steps, each with the end-to-end suite's phone picture of it. */
import { useLocale } from "../i18n";
import { RichText } from "../rich-text";
import { picture } from "../../src/static";
import type { Catalog } from "../../src/i18n/catalog";

export type TourStep = keyof Catalog["help"]["tour"]["steps"];

/** The steps in order; test/e2e/tour.test.mjs photographs each as static/tour/<language>-<step>.webp. */
export const TOUR_STEPS: readonly TourStep[] = ["invitation", "confirm", "account", "home", "instant-login", "badge", "messages"];
/** Languages with their own pictures; any other shows the English ones (its text alternatives still in its language). */
export const TOUR_PICTURE_LANGUAGES: readonly string[] = ["en", "es"];

export function TourPage() {
  const { t, tag } = useLocale();
  const tour = t.help.tour;
  const pictures = TOUR_PICTURE_LANGUAGES.includes(tag) ? tag : "en";
  return (
    <article class="tour">
      <h1>{tour.title}</h1>
      <p>{tour.intro}</p>
      <ol class="tour-steps">
        {TOUR_STEPS.map((step, i) => {
          const shot = picture(`tour/${pictures}-${step}.webp`);
          return (
            <li>
              <p class="muted">{tour.step(i + 1, TOUR_STEPS.length)}</p>
              <h2 id={`tour-${step}`}>{tour.steps[step].title}</h2>
              <p>{tour.steps[step].text}</p>
              <img src={shot.src} width={shot.width} height={shot.height} alt={tour.steps[step].alt} loading="lazy" decoding="async" />
            </li>
          );
        })}
      </ol>
      <p>
        <RichText text={tour.more} />
      </p>
    </article>
  );
}
