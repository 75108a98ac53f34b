import { describe, expect, it } from "vitest";
import {
  type BookingEmailDetails,
  escapeHtml,
  formatIstDateTime,
  formatIstShort,
  formatRupees,
  renderBookingEmail,
  sortSeatIds,
} from "../../src/jobs/email/render";

const details: BookingEmailDetails = {
  orderId: "3f9d2c1e-8a7b-4c6d-9e0f-1a2b3c4d5e6f",
  customerName: "Priya Sharma",
  customerEmail: "priya@example.com",
  ticketCode: "BMS30F12E2E",
  seatIds: ["B10", "A2", "B9", "A10"],
  amount: "1250.5",
  movieTitle: "Kalki 2898 AD",
  theatreName: "PVR Phoenix Palladium",
  theatreAddress: "462 Senapati Bapat Marg, Lower Parel, Mumbai",
  // 14:00 UTC = 19:30 IST, a Friday.
  startTime: "2024-03-15T14:00:00.000Z",
};

/** What every email about this booking names: the show, its seats and the order. */
const showFacts = [
  "Kalki 2898 AD",
  "PVR Phoenix Palladium",
  "Friday, 15 March 2024, 7:30 PM IST",
  "A2, A10, B9, B10",
  details.orderId,
];

const HOSTILE = `<script>alert("x")</script> & 'quotes'`;

/** What a reader sees in the HTML part: tags stripped, the five escapes undone. */
const visibleText = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("formatting helpers", () => {
  it("formats a show time in IST (UTC+05:30) with weekday, date and 12-hour time", () => {
    expect(formatIstDateTime("2024-03-15T14:00:00.000Z")).toBe("Friday, 15 March 2024, 7:30 PM IST");
    expect(formatIstShort("2024-03-15T14:00:00.000Z")).toBe("Fri 15 Mar, 7:30 PM");
    const cases: [instant: string, printed: string][] = [
      // Crossing midnight: 20:00 UTC on the 31st is 01:30 on 1 January in India.
      ["2024-12-31T20:00:00Z", "Wednesday, 1 January 2025, 1:30 AM IST"],
      // Noon and midnight in 12-hour form.
      ["2024-06-01T06:30:00Z", "Saturday, 1 June 2024, 12:00 PM IST"],
      ["2024-06-01T18:30:00Z", "Sunday, 2 June 2024, 12:00 AM IST"],
      // Postgres' own timestamptz text is accepted too.
      ["2024-03-15 14:00:00+00", "Friday, 15 March 2024, 7:30 PM IST"],
    ];
    for (const [instant, printed] of cases) expect(formatIstDateTime(instant)).toBe(printed);
    expect(() => formatIstDateTime("not a time")).toThrow(RangeError);
  });

  it("agrees with the platform's Asia/Kolkata zone data", () => {
    const instant = "2025-10-02T12:05:00Z";
    const expected = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Kolkata",
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
    }).format(new Date(instant));
    expect(formatIstDateTime(instant)).toBe(`${expected.replace(/^(\w+) /, "$1, ")}, 5:35 PM IST`);
  });

  it("formats rupees with two decimals and Indian digit grouping", () => {
    const cases = { "250": "₹250.00", "1250.5": "₹1,250.50", "125000.00": "₹1,25,000.00", "0.00": "₹0.00" };
    for (const [amount, printed] of Object.entries(cases)) expect(formatRupees(amount)).toBe(printed);
    expect(() => formatRupees("-1")).toThrow(RangeError);
  });

  it("sorts seats by row, then numerically", () => {
    expect(sortSeatIds(["B10", "A2", "AA1", "B9", "A10", "Z3"])).toEqual(["A2", "A10", "B9", "B10", "Z3", "AA1"]);
  });

  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("renderBookingEmail: order.confirmed", () => {
  const email = renderBookingEmail("order.confirmed", details);

  it("has a subject naming the movie and the show time", () => {
    expect(email.subject).toBe("Booking confirmed: Kalki 2898 AD · Fri 15 Mar, 7:30 PM");
  });

  it.each([
    ["text", email.text],
    ["html", visibleText(email.html)],
  ])("the %s part carries every fact of the ticket", (_part, body) => {
    const facts = [
      ...showFacts,
      "Priya Sharma",
      "462 Senapati Bapat Marg, Lower Parel, Mumbai",
      "₹1,250.50",
      "BMS30F12E2E",
    ];
    for (const fact of facts) expect(body).toContain(fact);
    expect(body).toMatch(/arrive at least \d+ minutes before the show/);
  });

  it("shows the ticket code prominently in the HTML (large monospace) and up front in the text", () => {
    expect(email.html).toMatch(/<div style="[^"]*font-size:30px[^"]*">BMS30F12E2E<\/div>/);
    const lines = email.text.split("\n");
    const codeLine = lines.indexOf("TICKET CODE: BMS30F12E2E");
    expect(codeLine).toBeGreaterThan(0);
    expect(codeLine).toBeLessThan(lines.findIndex((l) => l.startsWith("Movie:")));
  });

  it("the text part is plain text: no tags, no entities", () => {
    expect(email.text).not.toMatch(/<[a-z/!][^>]*>/i);
    expect(email.text).not.toMatch(/&(amp|lt|gt|quot|#39);/);
  });

  it("the HTML part is a complete, table-based document with inline styles only", () => {
    expect(email.html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(email.html).toContain('<meta charset="utf-8">');
    expect(email.html).toContain('<table role="presentation"');
    expect(email.html).not.toMatch(/<style|<script|<link|class=/i);
  });

  it("leaves out a missing theatre address and greets without a name", () => {
    const bare = renderBookingEmail("order.confirmed", { ...details, theatreAddress: null, customerName: "" });
    expect(bare.text).toContain("Cinema:");
    expect(bare.text).toMatch(/^Cinema:\s+PVR Phoenix Palladium$/m);
    expect(bare.text.startsWith("Hi,\n")).toBe(true);
  });
});

describe("renderBookingEmail: order.cancelled", () => {
  const cancelled = { ...details, cancelledAt: "2024-03-14T05:00:00Z" };

  it.each([
    ["text", renderBookingEmail("order.cancelled", cancelled).text],
    ["html", visibleText(renderBookingEmail("order.cancelled", cancelled).html)],
  ])("the %s part says what was cancelled, when, and about the refund", (_part, body) => {
    const facts = [...showFacts, "cancelled", "Thursday, 14 March 2024, 10:30 AM IST", "BMS30F12E2E (no longer valid)"];
    for (const fact of facts) expect(body).toContain(fact);
    expect(body).toMatch(/refund of ₹1,250\.50 will go back to your original payment method/);
  });

  it("has its own subject", () => {
    expect(renderBookingEmail("order.cancelled", cancelled).subject).toBe(
      "Booking cancelled: Kalki 2898 AD · Fri 15 Mar, 7:30 PM",
    );
  });

  it("says nothing is refunded when the order was never paid", () => {
    const unpaid = renderBookingEmail("order.cancelled", { ...details, ticketCode: null, cancelledAt: null });
    expect(unpaid.text).toContain("No payment was taken for this booking, so there is nothing to refund.");
    expect(unpaid.text).not.toContain("Ticket code");
    expect(unpaid.text).not.toContain("Cancelled:");
  });
});

describe("renderBookingEmail: hostile input", () => {
  const hostile = { ...details, customerName: HOSTILE, movieTitle: HOSTILE, theatreName: HOSTILE };

  it.each(["order.confirmed", "order.cancelled"] as const)("%s: every interpolated value is escaped", (kind) => {
    const { html, text } = renderBookingEmail(kind, hostile);
    expect(html).not.toContain("<script");
    expect(html).not.toContain(`"x"`);
    expect(html).not.toContain("'quotes'");
    expect(html).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
    // Decoding gives back exactly what was put in; the text part carries it verbatim.
    expect(visibleText(html)).toContain(HOSTILE);
    expect(text).toContain(HOSTILE);
  });

  it("keeps line breaks in a title out of the subject", () => {
    const { subject } = renderBookingEmail("order.confirmed", { ...details, movieTitle: "Evil\r\nBcc: x@y.z" });
    expect(subject).not.toMatch(/[\r\n]/);
  });
});
