/** The student portal: big links to the district's sites for students, and sign out (shared devices, no family navigation). */
import { PostForm } from "../components";
import { useT } from "../i18n";
import type { PortalLink } from "../../src/student/portal";

export function StudentPortalPage(p: { firstName: string; schoolName: string | null; links: PortalLink[] }) {
  const t = useT();
  return (
    <section class="student">
      <h1>{t.student.hi(p.firstName)}</h1>
      {p.schoolName && <p class="muted">{p.schoolName}</p>}
      {p.links.length > 0 ? (
        <ul class="student-links" aria-label={t.student.linksLabel}>
          {p.links.map((l) => (
            <li>
              <a href={l.url} target="_blank" rel="noopener">
                <span class="title">{l.title}</span>
                {l.description && <span class="muted">{l.description}</span>}
                <span class="vh"> {t.home.opensInNewTab}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.student.noLinks}</p>
      )}
      <PostForm action="/sign-out" class="student-out">
        <button type="submit">{t.layout.signOut}</button>
      </PostForm>
      <p class="muted">{t.student.sharedDevice}</p>
    </section>
  );
}
