/**
 * The poster's text: XML escaping, the title's estimated width and the word wrap that keeps every
 * line inside the poster. Pure, like poster.ts.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** XML 1.0 Char: tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids (lone surrogates too). */
export function escapeXml(text: string): string {
  let out = "";
  for (const ch of text) {
    if (!isXmlChar(ch.codePointAt(0) ?? 0)) continue;
    out += ESCAPES[ch] ?? ch;
  }
  return out;
}

/**
 * Advance widths (em) of bold sans capitals, after Helvetica/Arial Bold, padded by 10% because the
 * common fallback (DejaVu Sans Bold) is wider. Condensed faces (Impact, Oswald) come out narrower,
 * which only leaves some slack.
 */
const CAP_WIDTHS: Record<string, number> = {
  A: 0.722,
  B: 0.722,
  C: 0.722,
  D: 0.722,
  E: 0.667,
  F: 0.611,
  G: 0.778,
  H: 0.722,
  I: 0.278,
  J: 0.556,
  K: 0.722,
  L: 0.611,
  M: 0.833,
  N: 0.722,
  O: 0.778,
  P: 0.667,
  Q: 0.778,
  R: 0.722,
  S: 0.667,
  T: 0.611,
  U: 0.722,
  V: 0.667,
  W: 0.944,
  X: 0.667,
  Y: 0.667,
  Z: 0.611,
  " ": 0.278,
  ".": 0.278,
  ",": 0.278,
  ":": 0.333,
  ";": 0.333,
  "'": 0.238,
  '"': 0.474,
  "!": 0.333,
  "?": 0.611,
  "-": 0.333,
  "&": 0.722,
  "…": 1,
  "(": 0.333,
  ")": 0.333,
  "/": 0.278,
};
export const TITLE_LETTER_SPACING = 1;

/** Estimated rendered width (px) of a line of the title at `size`. */
export function titleWidth(line: string, size: number): number {
  let em = 0;
  let glyphs = 0;
  for (const ch of line) {
    glyphs++;
    em += CAP_WIDTHS[ch] ?? (/[0-9]/.test(ch) ? 0.556 : /[a-z]/.test(ch) ? 0.611 : 0.8);
  }
  return em * 1.1 * size + glyphs * TITLE_LETTER_SPACING;
}

/**
 * Greedy word wrap into at most `maxLines` lines that `fits`. A word too long for a line on its own
 * is split; text that still does not fit ends the last line with an ellipsis.
 */
export function wrapLines(text: string, fits: (line: string) => boolean, maxLines: number): string[] {
  const pieces: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    let rest = [...word];
    while (rest.length) {
      let n = rest.length;
      while (n > 1 && !fits(rest.slice(0, n).join(""))) n--;
      pieces.push(rest.slice(0, n).join(""));
      rest = rest.slice(n);
    }
  }
  const lines: string[] = [];
  let current = "";
  let index = 0;
  for (; index < pieces.length; index++) {
    const piece = pieces[index]!;
    const candidate = current ? `${current} ${piece}` : piece;
    if (!current || fits(candidate)) {
      current = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) break;
    lines.push(current);
    current = piece;
  }
  if (current) lines.push(current);
  if (index < pieces.length) {
    let last = [...(lines.pop() ?? "")];
    while (last.length > 1 && !fits(`${last.join("").trimEnd()}…`)) last = last.slice(0, -1);
    lines.push(`${last.join("").trimEnd()}…`);
  }
  return lines;
}

/** Word wrap by character count (the tagline, in a small regular face). */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  return wrapLines(text, (line) => [...line].length <= maxChars, maxLines);
}

/**
 * The largest title size (from a few steps) at which the title fits without splitting a word:
 * two lines for the big sizes, three for the smaller ones. Only the smallest size splits words.
 */
export function layoutTitle(title: string, textWidth: number): { size: number; lines: string[] } {
  const upper = title.trim().toUpperCase() || "UNTITLED";
  const words = upper.split(/\s+/);
  for (const [size, maxLines] of [
    [64, 2],
    [54, 2],
    [46, 3],
    [40, 3],
    [34, 3],
  ] as const) {
    const fits = (line: string) => titleWidth(line, size) <= textWidth;
    if (!words.every(fits)) continue;
    const lines = wrapLines(upper, fits, maxLines);
    if (!lines[lines.length - 1]?.endsWith("…")) return { size, lines };
  }
  const size = 30;
  return { size, lines: wrapLines(upper, (line) => titleWidth(line, size) <= textWidth, 3) };
}
