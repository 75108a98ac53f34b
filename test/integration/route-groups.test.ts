// The API's route groups load on first use (src/app.ts ROUTE_GROUPS): every route of every group
// must be reachable through the path segments its group declares, and requests must reach it.
import { describe, expect, it } from "vitest";
import { API_BASE, ROUTE_GROUPS } from "../../src/app";
import { call as callWorker } from "./http";

describe("route groups", () => {
  it("declare the first path segment of each of their routes", async () => {
    for (const group of ROUTE_GROUPS) {
      const routes = await group.load();
      const segments = new Set(routes.routes.map((r) => r.path.split("/")[1] ?? ""));
      expect(
        [...segments].filter((s) => !group.segments.includes(s)),
        group.name,
      ).toEqual([]);
    }
  });

  it("answer through the worker whichever group shares a segment (orders and the door's ticket, catalog and seat map)", async () => {
    const call = (path: string, init?: RequestInit) => callWorker(`${API_BASE}${path}`, init);
    const missingOrder = "00000000-0000-4000-8000-000000000000";
    // Both are refused by their own group (no user / no such order), never by the not-found handler.
    for (const path of [`/orders/${missingOrder}`, `/orders/${missingOrder}/ticket`, "/door/keys", "/health"]) {
      const res = await call(path);
      const body = (await res.json()) as { error?: { code: string } };
      expect(body.error?.code, path).not.toBe("ROUTE_NOT_FOUND");
    }
    const unknown = await call("/orders/x/y/z");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("ROUTE_NOT_FOUND");
    const head = await call("/health", { method: "HEAD" });
    expect(head.headers.get("x-request-id")).toBeTruthy();
    expect(head.headers.get("server-timing")).not.toBeNull();
  });
});
