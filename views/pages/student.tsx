/** The student portal: big links to the district's sites for students, and sign out (shared devices, no family navigation). */
import { PostForm } from "../components";
import type { PortalLink } from "../../src/student/portal";

export function StudentPortalPage(p: { firstName: string; schoolName: string | null; links: PortalLink[] }) {
  return (
    <section class="student">
      <h1>Hi, {p.firstName}!</h1>
      {p.schoolName && <p class="muted">{p.schoolName}</p>}
      {p.links.length > 0 ? (
        <ul class="student-links" aria-label="Your school's links">
          {p.links.map((l) => (
            <li>
              <a href={l.url} target="_blank" rel="noopener">
                <span class="title">{l.title}</span>
                {l.description && <span class="muted">{l.description}</span>}
                <span class="vh"> (opens in a new tab)</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>Your school has not added any links here yet.</p>
      )}
      <PostForm action="/sign-out" class="student-out">
        <button type="submit">Sign out</button>
      </PostForm>
      <p class="muted">On a shared computer, sign out when you are done.</p>
    </section>
  );
}
