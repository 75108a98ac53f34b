import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { encodeBitmapPng, ticketQrMatrix, ticketQrPng } from "../../src/door/ticket-qr-png";
import { readBitmapPng } from "../support/png";

const TOKEN =
  "AQABC0b-cj5SwHOSEUl8E0NATjzV1eIGkLM2c0n5s0G3KGqmA_xzNq5rhS5K3RcmPfHz-0fyR6gj3ufGXr2vVYYfXv8jQKvgbYY0J0xcGx3yLD1FOAsVwiqEMKc2kYpOt7EVhG8q3wbCp0gQA9ZG2Q";

describe("the ticket QR code as a PNG (for email)", () => {
  it("is a real PNG that a QR decoder reads back to exactly the token", async () => {
    const png = await ticketQrPng(TOKEN);
    const { width, height, rgba } = await readBitmapPng(png);
    expect(width).toBe(height);
    expect(width).toBe(ticketQrMatrix(TOKEN).length * 6);
    expect(jsQR(rgba, width, height)?.data).toBe(TOKEN);
    // 1 bit per pixel and deflate: a few hundred bytes, fine for any mailbox.
    expect(png.length).toBeLessThan(2_000);
  });

  it("keeps a quiet zone of 4 light modules around the code", () => {
    const matrix = ticketQrMatrix(TOKEN);
    const edge = [...(matrix[0] ?? []), ...(matrix[3] ?? []), ...matrix.map((r) => r[0]), ...matrix.map((r) => r[3])];
    expect(edge.every((dark) => dark === false)).toBe(true);
    expect(matrix[4]?.[4]).toBe(true); // the finder pattern's corner
  });

  it("draws each module as scale × scale pixels, dark as black", async () => {
    const { rgba, width } = await readBitmapPng(
      await encodeBitmapPng(
        [
          [true, false],
          [false, true],
        ],
        3,
      ),
    );
    const px = (x: number, y: number) => rgba[(y * width + x) * 4];
    expect(width).toBe(6);
    expect([px(0, 0), px(2, 2), px(3, 0), px(0, 3), px(5, 5)]).toEqual([0, 0, 255, 255, 0]);
  });
});
