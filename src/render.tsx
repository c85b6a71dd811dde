import { jsxRenderer, useRequestContext } from "hono/jsx-renderer";
import type { Actor } from "./auth/actor";
import { Layout } from "../views/layout";

declare module "hono" {
  interface ContextRenderer {
    (content: string | Promise<string>, props: { title: string; scripts?: string[]; bare?: boolean }): Response | Promise<Response>;
  }
}

/** `c.render(<Page/>, { title })` wraps a page in the one layout. */
export const renderer = jsxRenderer(({ children, title, scripts, bare }) => {
  const actor = useRequestContext().get("actor") as Actor | null;
  return (
    <Layout title={title} scripts={scripts} bare={bare} actor={actor}>
      {children}
    </Layout>
  );
}, { docType: false });
