import type { Actor } from "../src/auth/actor";
import { PostForm } from "./components";
import { useT } from "./i18n";

/** "Messages", and the number of conversations with unread messages when there are any. */
function MessagesLink({ href, unread }: { href: string; unread: number }) {
  const t = useT();
  return (
    <a href={href}>
      {t.layout.messages}
      {unread > 0 && (
        <>
          {" "}
          <span class="unread-count">{unread}</span>
          <span class="visually-hidden">{` ${t.layout.unreadConversations(unread)}`}</span>
        </>
      )}
    </a>
  );
}

function SignOut() {
  const t = useT();
  return (
    <PostForm action="/sign-out" class="inline">
      <button type="submit" class="link">{t.layout.signOut}</button>
    </PostForm>
  );
}

/** The top navigation for whoever is signed in. */
export function Nav({ actor, messages = null }: { actor: Actor | null; messages?: { threads: number; unread: number } | null }) {
  const t = useT();
  if (!actor) {
    return (
      <nav aria-label={t.layout.mainNavigation}>
        <ul>
          <li><a href="/sign-in">{t.layout.signIn}</a></li>
          <li><a href="/help">{t.layout.help}</a></li>
        </ul>
      </nav>
    );
  }
  if (actor.kind === "student") {
    return (
      <nav aria-label={t.layout.mainNavigation}>
        <ul>
          <li><SignOut /></li>
        </ul>
      </nav>
    );
  }
  if (actor.kind === "teacher") {
    return (
      <nav aria-label={t.layout.mainNavigation}>
        <ul>
          <li><a href="/teacher">{t.layout.myClasses}</a></li>
          <li><MessagesLink href="/teacher/messages" unread={messages?.unread ?? 0} /></li>
          <li><a href="/teacher/settings">{t.layout.settings}</a></li>
          <li><SignOut /></li>
        </ul>
      </nav>
    );
  }
  return (
    <nav aria-label={t.layout.mainNavigation}>
      <ul>
        <li><a href="/">{t.layout.home}</a></li>
        {messages && messages.threads > 0 && (
          <li><MessagesLink href="/messages" unread={messages.unread} /></li>
        )}
        <li><a href="/ideas">{t.layout.ideas}</a></li>
        <li><a href="/help">{t.layout.help}</a></li>
        <li>
          <details class="menu">
            {/* A long name is shortened on screen (app.css); the title keeps all of it. */}
            <summary title={actor.user.name}>{actor.user.name}</summary>
            <ul>
              <li><a href="/account">{t.layout.accountSettings}</a></li>
              <li><SignOut /></li>
            </ul>
          </details>
        </li>
      </ul>
    </nav>
  );
}
