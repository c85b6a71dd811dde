/** The other ways in, on the parents' landing and sign-in pages: teachers to their sign-in, children to badge login. */
import { useT } from "./i18n";

export function OtherDoors() {
  const t = useT().signIn.otherDoors;
  return (
    <ul class="other-doors">
      <li>
        {`${t.teacher} `}
        <a href="/teacher/sign-in">{t.teacherLink}</a>
      </li>
      <li>
        {`${t.student} `}
        <a href="/badges">{t.studentLink}</a>
      </li>
    </ul>
  );
}
