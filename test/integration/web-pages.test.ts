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
});
