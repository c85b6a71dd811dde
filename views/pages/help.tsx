/** /help: the questions families ask most, answered for this product (SPEC 3.8). */
import type { Child } from "hono/jsx";

interface Question {
  id: string;
  q: string;
  a: Child;
}

export const HELP_QUESTIONS: Question[] = [
  {
    id: "setting-up",
    q: "How do I set up my account?",
    a: (
      <>
        <ol>
          <li>Your child's school sends you an invitation by email or text message. Open its link.</li>
          <li>Check the school and your child's name. If they are right, press <strong>Yes, this is my child</strong>.</li>
          <li>
            Create your account. Choose <strong>Continue with Google</strong> (the Google account does not have to be the address the invitation went to) or{" "}
            <strong>Continue with email</strong> and pick a password. With email, we send you a message to confirm your address; after you confirm, you are
            signed in.
          </li>
        </ol>
        <p>
          Please use <strong>your own personal email address</strong>, not your child's school email address. A student's school address cannot be used for
          a family account.
        </p>
        <p>No invitation? Ask your child's teacher or school to invite you.</p>
      </>
    ),
  },
  {
    id: "several-children",
    q: "I have more than one child. How do I connect them all?",
    a: (
      <>
        <p>
          The school sends one invitation for each child. Open each invitation and confirm the child. When several invitations went to the same address, we
          show you the others right after the first one, so you can confirm them together.
        </p>
        <p>You confirm your email address only once. If you already have an account, sign in when asked and the child is added to it.</p>
      </>
    ),
  },
  {
    id: "missing-child",
    q: "I don't see all of my children. Who can help?",
    a: (
      <p>
        Your child's school district decides which addresses are connected to each student. If you did not get an invitation for one of your children,
        contact the school or the district's help desk and ask them to send one to the address you use here.
      </p>
    ),
  },
  {
    id: "several-guardians",
    q: "Can two parents or guardians connect to the same child?",
    a: (
      <p>
        Yes. Each parent or guardian needs their own email address and their own invitation, and each one accepts the invitation sent to them. If one of you
        did not get an invitation, ask the school to send one.
      </p>
    ),
  },
  {
    id: "expired-invitation",
    q: "My invitation expired. Can I get a new one?",
    a: (
      <p>
        Yes. Invitations only work for a limited time (usually two weeks). Open the old link anyway: the page says the invitation has expired and offers a{" "}
        <strong>Send me a fresh invitation</strong> button. The new invitation goes to the same address. If that does not work, contact your child's school.
      </p>
    ),
  },
  {
    id: "change-email",
    q: "Can I change the email address of my account?",
    a: (
      <p>
        No, the email address of an account cannot be changed. To use a different address, ask your child's school district to send a new invitation for
        each child to that address, then create an account with it.
      </p>
    ),
  },
  {
    id: "change-name",
    q: "How do I change my name?",
    a: (
      <p>
        Select your name at the top of the page and choose <a href="/account">Account settings</a>. Under <strong>Name</strong>, type the name you want and
        press <strong>Save name</strong>. Teachers see this name.
      </p>
    ),
  },
  {
    id: "wrong-child",
    q: "The child shown is not my child. What do I do?",
    a: (
      <>
        <p>
          If the invitation shows a child who is not yours, press <strong>This is not my child</strong>. The invitation stops working and the school is told,
          so they can fix it.
        </p>
        <p>
          If a child who is not yours is already on your home page, please do not use their login tools. Contact the school straight away, tell them your
          district and the child's name, and they will disconnect you.
        </p>
      </>
    ),
  },
  {
    id: "forgot-password",
    q: "I forgot my password.",
    a: (
      <p>
        Go to <a href="/forgot-password">Forgot your password?</a> (also linked from the sign-in page) and enter your email address. If your account has a
        password, we email you a link to choose a new one; the link works for one hour. If you signed up with Google, you have no password here: use{" "}
        <strong>Continue with Google</strong> instead.
      </p>
    ),
  },
  {
    id: "instant-login",
    q: "What does Instant Login do?",
    a: (
      <>
        <p>
          Each child's card on your home page has an <strong>Instant Login</strong> button. It signs your child in to their student page on the device you
          are using, so they can open their school's links straight away.
        </p>
        <p>
          To protect your account and your other children's information, Instant Login first <strong>signs you out</strong> of Family Portal on that device.
          To come back to your account afterwards, sign in again.
        </p>
      </>
    ),
  },
  {
    id: "badges",
    q: "What is a Badge, and how does my child use it?",
    a: (
      <>
        <p>
          A Badge is a picture with a QR code that logs your child in, without typing. Open <strong>Badge</strong> on your child's card, then save the image
          to your phone's photos or print it.
        </p>
        <ol>
          <li>Open the Badge on your phone.</li>
          <li>
            On your child's device, open the <strong>/badges</strong> page of this site in the web browser.
          </li>
          <li>Hold the Badge up to the camera. Your child is logged in. No camera? Choose the Badge image file instead.</li>
        </ol>
        <p>
          Not every student has a Badge: the school district decides. If the card says badges are not used, that is your district's choice. Keep the Badge
          private, like a password; if it is lost or shared, ask the teacher or school for a new one and the old one stops working.
        </p>
      </>
    ),
  },
  {
    id: "district-links",
    q: "What are the links on my home page?",
    a: (
      <p>
        Below the login tools, your district may add links for families, such as the school calendar or lunch menus. They open the district's own websites.
        The district chooses these links; if one does not work, tell the school.
      </p>
    ),
  },
  {
    id: "ideas",
    q: "What is the Ideas tab?",
    a: (
      <p>
        <a href="/ideas">Ideas</a> are short, practical things to try at home, chosen from trusted organisations such as libraries, museums and
        children's health groups. Filter them by topic and grade; each one opens the organisation's website in a new tab. Know a good one? Use{" "}
        <strong>Suggest an idea</strong> at the bottom of the Ideas page.
      </p>
    ),
  },
  {
    id: "messages",
    q: "How do messages with teachers work?",
    a: (
      <>
        <p>
          The <strong>Messages</strong> tab appears once a teacher has written to you. You can reply in that conversation, but you cannot start a new one;
          if a teacher is missing, email them and ask them to write to you here.
        </p>
        <p>Messages are text only: no photos, videos or attachments.</p>
        <p>
          If a message stays unread for three hours, we send you one email with a link to it. You can turn these emails off in{" "}
          <a href="/account">Account settings</a>, under <strong>Emails about messages</strong>.
        </p>
      </>
    ),
  },
];

export function HelpPage() {
  return (
    <article class="help">
      <h1>Help</h1>
      <p>Answers to the questions families ask most. Invitations, children and Badges are managed by your child's school district: for anything not here, please contact the school.</p>
      <nav class="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">Questions</h2>
        <ul>
          {HELP_QUESTIONS.map((item) => (
            <li>
              <a href={`#${item.id}`}>{item.q}</a>
            </li>
          ))}
        </ul>
      </nav>
      {HELP_QUESTIONS.map((item) => (
        <section id={item.id} aria-labelledby={`${item.id}-h`}>
          <h2 id={`${item.id}-h`}>{item.q}</h2>
          {item.a}
        </section>
      ))}
    </article>
  );
}
