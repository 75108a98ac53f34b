import { describe, expect, it } from "vitest";
import { call } from "./http";

/**
 * The web UI's addresses: a page it has is index.html with 200; an address it has not is the same
 * index.html (the app renders "page not found") with a 404, so links, crawlers and monitors see it.
 */
const page = async (path: string) => {
  const res = await call(path, { headers: { accept: "text/html" } });
  const body = await res.text();
  return { status: res.status, html: body.includes('<div id="root">'), type: res.headers.get("content-type") };
};

describe("web pages", () => {
  it("answers the app's pages with 200", async () => {
    const uuid = crypto.randomUUID();
    for (const path of [
      "/",
      `/movies/${uuid}`,
      `/shows/${uuid}/seats`,
      `/checkout/${"A".repeat(54)}`,
      `/orders/${uuid}/pay`,
      `/orders/${uuid}/paid`,
      `/tickets/${uuid}`,
      "/bookings",
      "/sign-in",
      "/account",
      "/scan",
      "/admin",
      "/admin/theatres",
    ]) {
      expect(await page(path), path).toMatchObject({ status: 200, html: true });
    }
  });

  it("answers an address it has no page for with 404, still the app (its own not-found page)", async () => {
    for (const path of [
      "/no-such-page",
      "/movies/not-a-uuid",
      "/movies",
      `/orders/${crypto.randomUUID()}/refund`,
      "/tickets",
    ]) {
      expect(await page(path), path).toMatchObject({ status: 404, html: true });
    }
  });

  it("answers the seat page with its code and its show and seat map preloaded, no other page", async () => {
    const showId = crypto.randomUUID();
    const res = await call(`/shows/${showId}/seats`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    const head = (await res.text()).split("</head>")[0] ?? "";
    const hrefs = (rel: string) =>
      [...head.matchAll(new RegExp(`<link rel="${rel}"[^>]* href="([^"]+)"`, "g"))].map((m) => m[1]);
    // The page's own chunk, the customer pages' shared one and the query library, beside the entry's.
    const scripts = hrefs("modulepreload");
    for (const chunk of ["SeatsPage", "shop", "query", "vendor", "app"])
      expect(scripts, chunk).toContainEqual(expect.stringMatching(new RegExp(`^/assets/${chunk}-[\\w-]+\\.js$`)));
    expect(head).toMatch(/<link rel="preload" as="style" crossorigin href="\/assets\/SeatsPage-[\w-]+\.css">/);
    // The reads the entry makes as the route matches (web/src/routes.ts), in the same request mode.
    expect(head).toContain(`<link rel="preload" as="fetch" crossorigin href="/api/v1/shows/${showId}/seatmap">`);
    expect(head).toContain(`<link rel="preload" as="fetch" crossorigin href="/api/v1/shows/${showId}">`);
    // After the code: over HTTP/1.1 the code takes the first connections.
    expect(head.indexOf('as="fetch"')).toBeGreaterThan(head.lastIndexOf('rel="modulepreload"'));

    for (const path of ["/", `/movies/${showId}`, `/shows/${showId}/seats/extra`]) {
      const other = await (await call(path, { headers: { accept: "text/html" } })).text();
      expect(other, path).not.toMatch(/SeatsPage-|as="fetch"/);
    }
  });
});
