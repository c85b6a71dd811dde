import type { Actor } from "../src/auth/actor";
import { PostForm } from "./components";

function SignOut() {
  return (
    <PostForm action="/sign-out" class="inline">
      <button type="submit" class="link">Sign out</button>
    </PostForm>
  );
}

/** The top navigation for whoever is signed in. */
export function Nav({ actor, messages = null }: { actor: Actor | null; messages?: { threads: number; unread: number } | null }) {
  if (!actor) {
    return (
      <nav aria-label="Main">
        <ul>
          <li><a href="/sign-in">Sign in</a></li>
          <li><a href="/help">Help</a></li>
        </ul>
      </nav>
    );
  }
  if (actor.kind === "student") {
    return (
      <nav aria-label="Main">
        <ul>
          <li><SignOut /></li>
        </ul>
      </nav>
    );
  }
  if (actor.kind === "teacher") {
    return (
      <nav aria-label="Main">
        <ul>
          <li><a href="/teacher">My classes</a></li>
          <li><a href="/teacher/messages">Messages</a></li>
          <li><a href="/teacher/settings">Settings</a></li>
          <li><SignOut /></li>
        </ul>
      </nav>
    );
  }
  return (
    <nav aria-label="Main">
      <ul>
        <li><a href="/">Home</a></li>
        {messages && messages.threads > 0 && (
          <li>
            <a href="/messages">
              Messages
              {messages.unread > 0 && (
                <>
                  {" "}
                  <span class="unread-count">{messages.unread}</span>
                  <span class="visually-hidden">{` unread ${messages.unread === 1 ? "conversation" : "conversations"}`}</span>
                </>
              )}
            </a>
          </li>
        )}
        <li><a href="/ideas">Ideas</a></li>
        <li><a href="/help">Help</a></li>
        <li>
          <details class="menu">
            <summary>{actor.user.name}</summary>
            <ul>
              <li><a href="/account">Account settings</a></li>
              <li><SignOut /></li>
            </ul>
          </details>
        </li>
      </ul>
    </nav>
  );
}
