import { describe, expect, it } from "vitest";
import { createShow, newUser } from "../integration/fixtures";
import { call, errorOf } from "../integration/http";

describe("AUTH_MODE=jwt (production)", () => {
  it("rejects x-user-id: only signed tokens identify a caller", async () => {
    const showId = await createShow();
    const res = await call("/api/v1/holds", {
      method: "POST",
      headers: { "x-user-id": newUser() },
      json: { showId, seatIds: ["A1"], quantity: 1 },
    });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/x-user-id/);

    const guest = (await (await call("/api/v1/auth/guest", { method: "POST" })).json()) as { token: string };
    const ok = await call("/api/v1/holds", {
      method: "POST",
      headers: { authorization: `Bearer ${guest.token}` },
      json: { showId, seatIds: ["A1"], quantity: 1 },
    });
    expect(ok.status).toBe(201);
  });
});
