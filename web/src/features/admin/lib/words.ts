import type { FieldErrors } from "react-hook-form";

/** A show's start as the shop shows it, read at the cinema: "Wed, 2 Dec · 6:00 PM". */
export { formatPrice as rupees, formatShowDateTime as showTime } from "../../../lib/format-show";

/** Every message in a form's errors, however deep (a run's dates, a category's price). */
export function errorMessages(errors: FieldErrors): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const message = (node as { message?: unknown }).message;
    if (typeof message === "string" && message) found.push(message);
    for (const [key, value] of Object.entries(node)) if (key !== "ref" && key !== "message") walk(value);
  };
  walk(errors);
  return [...new Set(found)];
}
