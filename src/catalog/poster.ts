/**
 * Movie posters drawn on the fly as SVG (the catalog has no image files). Pure: no I/O and no Node
 * APIs, so it runs inside the worker. Everything is derived deterministically from the movie, so a
 * poster never changes between requests and caches well.
 */

export interface PosterInput {
  title: string;
  tagline?: string | null;
  genres: string[];
  language?: string | null;
  ageRating?: string | null;
  /** Two hex colours, top → bottom. Defaults to {@link posterPaletteFor}(title). */
  palette?: [string, string];
}

const WIDTH = 400;
const HEIGHT = 600;
const MARGIN = 30;
const TEXT_WIDTH = WIDTH - 2 * MARGIN;

/** Curated gradient pairs (top, bottom): saturated enough to read as "cinema", dark at the bottom for text. */
const PALETTES: ReadonlyArray<readonly [string, string]> = [
  ["#ff6b6b", "#2b1055"],
  ["#f9d423", "#e65c00"],
  ["#00c6ff", "#0b1f4d"],
  ["#f857a6", "#3a0f3d"],
  ["#43e97b", "#0b3d2e"],
  ["#fa709a", "#1f1147"],
  ["#ffb347", "#5b1a18"],
  ["#7f7fd5", "#141e30"],
  ["#ee9ca7", "#3b1c32"],
  ["#11998e", "#0f2027"],
  ["#fc4a1a", "#2c0b0e"],
  ["#c471f5", "#240b36"],
  ["#f7b733", "#1d2b64"],
  ["#56ccf2", "#2f1a4a"],
  ["#e0c3fc", "#3a1c71"],
  ["#ff9966", "#1a2a6c"],
];

/** 32-bit FNV-1a over UTF-16 code units: tiny, stable across runtimes. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small deterministic PRNG seeded from the title. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The poster gradient of a title: one of a curated list, picked by a hash of the title. */
export function posterPaletteFor(title: string): [string, string] {
  const [top, bottom] = PALETTES[hash32(title.trim().toLowerCase()) % PALETTES.length] ?? PALETTES[0]!;
  return [top, bottom];
}

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

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

function safeColour(value: string | undefined, fallback: string): string {
  return value && HEX.test(value) ? value : fallback;
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
const TITLE_LETTER_SPACING = 1;

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
function layoutTitle(title: string): { size: number; lines: string[] } {
  const upper = title.trim().toUpperCase() || "UNTITLED";
  const words = upper.split(/\s+/);
  for (const [size, maxLines] of [
    [64, 2],
    [54, 2],
    [46, 3],
    [40, 3],
    [34, 3],
  ] as const) {
    const fits = (line: string) => titleWidth(line, size) <= TEXT_WIDTH;
    if (!words.every(fits)) continue;
    const lines = wrapLines(upper, fits, maxLines);
    if (!lines[lines.length - 1]?.endsWith("…")) return { size, lines };
  }
  const size = 30;
  return { size, lines: wrapLines(upper, (line) => titleWidth(line, size) <= TEXT_WIDTH, 3) };
}

const f = (n: number) => (Math.round(n * 10) / 10).toString();

type Motif = "orbits" | "slashes" | "hearts" | "sun" | "shards" | "confetti" | "mountains" | "waves";

function motifFor(genres: string[], title: string): Motif {
  const g = genres.map((x) => x.toLowerCase());
  const has = (...names: string[]) => names.some((n) => g.some((x) => x.includes(n)));
  if (has("sci")) return "orbits";
  if (has("horror")) return "shards";
  if (has("action", "sport")) return "slashes";
  if (has("romance", "musical")) return "hearts";
  if (has("animation", "comedy", "family")) return "confetti";
  if (has("historical", "adventure")) return "mountains";
  if (has("mystery", "thriller")) return "waves";
  return (["sun", "waves", "mountains"] as const)[hash32(title) % 3]!;
}

/** Abstract artwork for the upper part of the poster. */
function artwork(motif: Motif, rand: () => number, accent: string): string {
  const out: string[] = [];
  const cx = 200 + (rand() - 0.5) * 80;
  const cy = 200 + (rand() - 0.5) * 60;
  switch (motif) {
    case "orbits": {
      out.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="70" fill="url(#glow)"/>`);
      out.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="46" fill="#ffffff" fill-opacity="0.9"/>`);
      for (let i = 0; i < 4; i++) {
        const rx = 95 + i * 38;
        const ry = 26 + i * 11;
        out.push(
          `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${rx}" ry="${ry}" fill="none" stroke="#ffffff" stroke-opacity="${f(0.55 - i * 0.1)}" stroke-width="${f(2.2 - i * 0.4)}" transform="rotate(-18 ${f(cx)} ${f(cy)})"/>`,
        );
      }
      for (let i = 0; i < 40; i++) {
        out.push(
          `<circle cx="${f(rand() * WIDTH)}" cy="${f(rand() * 380)}" r="${f(0.6 + rand() * 1.6)}" fill="#ffffff" fill-opacity="${f(0.4 + rand() * 0.6)}"/>`,
        );
      }
      break;
    }
    case "slashes": {
      for (let i = 0; i < 7; i++) {
        const x = -60 + i * 75 + rand() * 30;
        const w = 14 + rand() * 34;
        out.push(
          `<polygon points="${f(x)},420 ${f(x + w)},420 ${f(x + w + 180)},0 ${f(x + 180)},0" fill="${i % 2 ? "#ffffff" : accent}" fill-opacity="${f(0.08 + rand() * 0.18)}"/>`,
        );
      }
      out.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="88" fill="url(#glow)"/>`);
      out.push(
        `<polygon points="${f(cx - 90)},${f(cy + 70)} ${f(cx + 10)},${f(cy - 110)} ${f(cx + 30)},${f(cy - 20)} ${f(cx + 110)},${f(cy - 60)} ${f(cx + 10)},${f(cy + 110)} ${f(cx - 10)},${f(cy + 20)}" fill="#ffffff" fill-opacity="0.85"/>`,
      );
      break;
    }
    case "hearts": {
      for (let i = 0; i < 5; i++) {
        const r = 60 + rand() * 70;
        out.push(
          `<circle cx="${f(60 + rand() * 280)}" cy="${f(80 + rand() * 240)}" r="${f(r)}" fill="${i % 2 ? "#ffffff" : accent}" fill-opacity="${f(0.1 + rand() * 0.15)}"/>`,
        );
      }
      out.push(
        `<path d="M ${f(cx)} ${f(cy + 55)} C ${f(cx - 95)} ${f(cy - 5)}, ${f(cx - 55)} ${f(cy - 95)}, ${f(cx)} ${f(cy - 45)} C ${f(cx + 55)} ${f(cy - 95)}, ${f(cx + 95)} ${f(cy - 5)}, ${f(cx)} ${f(cy + 55)} Z" fill="#ffffff" fill-opacity="0.88"/>`,
      );
      break;
    }
    case "sun": {
      out.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="150" fill="url(#glow)"/>`);
      for (let i = 0; i < 5; i++) {
        out.push(
          `<circle cx="${f(cx)}" cy="${f(cy)}" r="${40 + i * 26}" fill="none" stroke="#ffffff" stroke-opacity="${f(0.5 - i * 0.08)}" stroke-width="3"/>`,
        );
      }
      out.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="30" fill="#ffffff" fill-opacity="0.9"/>`);
      break;
    }
    case "shards": {
      out.push(`<circle cx="${f(cx)}" cy="${f(cy - 40)}" r="54" fill="#ffffff" fill-opacity="0.85"/>`);
      out.push(`<circle cx="${f(cx + 18)}" cy="${f(cy - 52)}" r="50" fill="url(#bg)"/>`);
      for (let i = 0; i < 9; i++) {
        const x = i * 48 - 10 + rand() * 20;
        const h = 120 + rand() * 160;
        out.push(
          `<polygon points="${f(x - 6)},${HEIGHT} ${f(x)},420 ${f(x + 22 + rand() * 20)},${f(420 - h)} ${f(x + 56)},420 ${f(x + 62)},${HEIGHT}" fill="#000000" fill-opacity="${f(0.35 + rand() * 0.3)}"/>`,
        );
      }
      break;
    }
    case "confetti": {
      out.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="110" fill="url(#glow)"/>`);
      for (let i = 0; i < 34; i++) {
        const x = rand() * WIDTH;
        const y = 20 + rand() * 360;
        const s = 6 + rand() * 16;
        const fill = i % 3 === 0 ? "#ffffff" : accent;
        const op = f(0.35 + rand() * 0.5);
        if (i % 2) out.push(`<circle cx="${f(x)}" cy="${f(y)}" r="${f(s / 2)}" fill="${fill}" fill-opacity="${op}"/>`);
        else
          out.push(
            `<rect x="${f(x)}" y="${f(y)}" width="${f(s)}" height="${f(s * 0.5)}" rx="2" fill="${fill}" fill-opacity="${op}" transform="rotate(${Math.round(rand() * 180)} ${f(x)} ${f(y)})"/>`,
          );
      }
      break;
    }
    case "mountains": {
      out.push(`<circle cx="${f(cx)}" cy="${f(cy - 30)}" r="64" fill="#ffffff" fill-opacity="0.85"/>`);
      for (let layer = 0; layer < 3; layer++) {
        const base = 300 + layer * 45;
        const pts = [`0,${HEIGHT}`];
        for (let x = 0; x <= WIDTH; x += 50) pts.push(`${x},${f(base - rand() * (110 - layer * 25))}`);
        pts.push(`${WIDTH},${HEIGHT}`);
        out.push(`<polygon points="${pts.join(" ")}" fill="#000000" fill-opacity="${f(0.2 + layer * 0.15)}"/>`);
      }
      break;
    }
    case "waves": {
      out.push(`<circle cx="${f(cx)}" cy="${f(cy - 20)}" r="120" fill="url(#glow)"/>`);
      for (let i = 0; i < 9; i++) {
        const y = 140 + i * 30;
        const a = 18 + rand() * 22;
        out.push(
          `<path d="M -10 ${f(y)} Q 100 ${f(y - a)} 200 ${f(y)} T 410 ${f(y)}" fill="none" stroke="#ffffff" stroke-opacity="${f(0.12 + i * 0.05)}" stroke-width="${f(1.5 + rand() * 2)}"/>`,
        );
      }
      break;
    }
  }
  return out.join("");
}

interface Badge {
  text: string;
  strong?: boolean;
}

function badges(list: Badge[], y: number): string {
  const size = 13;
  const pad = 10;
  const gap = 8;
  const out: string[] = [];
  let x = MARGIN;
  for (const badge of list) {
    const label = badge.text.toUpperCase();
    const w = Math.ceil([...label].length * size * 0.66 + pad * 2);
    if (x + w > WIDTH - MARGIN) break;
    out.push(
      badge.strong
        ? `<rect x="${x}" y="${y}" width="${w}" height="24" rx="4" fill="#ffffff"/>`
        : `<rect x="${x}" y="${y}" width="${w}" height="24" rx="12" fill="#ffffff" fill-opacity="0.14" stroke="#ffffff" stroke-opacity="0.55"/>`,
    );
    out.push(
      `<text x="${f(x + w / 2)}" y="${y + 16.5}" text-anchor="middle" font-size="${size}" font-weight="700" letter-spacing="0.5" fill="${badge.strong ? "#111111" : "#ffffff"}">${escapeXml(label)}</text>`,
    );
    x += w + gap;
  }
  return out.join("");
}

/** A 400×600 (2:3) poster for a movie: gradient, abstract art by genre, the title, badges. */
export function renderPosterSvg(movie: PosterInput): string {
  const title = movie.title ?? "";
  const fallback = posterPaletteFor(title);
  const top = safeColour(movie.palette?.[0], fallback[0]);
  const bottom = safeColour(movie.palette?.[1], fallback[1]);
  const seed = hash32(title);
  const rand = rng(seed);
  const motif = motifFor(movie.genres ?? [], title);

  const { size, lines } = layoutTitle(title);
  const lineHeight = Math.round(size * 1.02);
  const tagline = movie.tagline?.trim() ? wrapText(movie.tagline.trim(), 44, 2) : [];

  // Stack the text block upwards from the badges at the bottom.
  const badgeY = HEIGHT - MARGIN - 24;
  const taglineTop = badgeY - 22 - tagline.length * 20;
  const titleBaseline = (tagline.length ? taglineTop - 12 : badgeY - 26) - (lines.length - 1) * lineHeight;

  const titleSvg = [
    `<text x="${MARGIN}" y="${titleBaseline}" font-family="'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif" font-size="${size}" font-weight="800" letter-spacing="${TITLE_LETTER_SPACING}" fill="#ffffff" filter="url(#shadow)">`,
    ...lines.map((line, i) => `<tspan x="${MARGIN}" dy="${i === 0 ? 0 : lineHeight}">${escapeXml(line)}</tspan>`),
    `</text>`,
  ].join("");
  const rule = `<rect x="${MARGIN}" y="${titleBaseline - size - 14}" width="48" height="4" rx="2" fill="${top}"/>`;

  const taglineSvg = tagline.length
    ? [
        `<text x="${MARGIN}" y="${taglineTop + 14}" font-size="15" font-style="italic" fill="#ffffff" fill-opacity="0.85">`,
        ...tagline.map((line, i) => `<tspan x="${MARGIN}" dy="${i === 0 ? 0 : 20}">${escapeXml(line)}</tspan>`),
        `</text>`,
      ].join("")
    : "";

  const badgeList: Badge[] = [];
  if (movie.ageRating?.trim()) badgeList.push({ text: movie.ageRating.trim(), strong: true });
  if (movie.language?.trim()) badgeList.push({ text: movie.language.trim() });
  for (const genre of (movie.genres ?? []).slice(0, 3)) if (genre.trim()) badgeList.push({ text: genre.trim() });

  const label = escapeXml(`${title}${movie.tagline?.trim() ? ` — ${movie.tagline.trim()}` : ""}`);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${label}" font-family="'Helvetica Neue', Arial, sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs>`,
    `<linearGradient id="bg" gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="${WIDTH * 0.35}" y2="${HEIGHT}"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>`,
    `<radialGradient id="glow" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#ffffff" stop-opacity="0.55"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>`,
    `<linearGradient id="fade" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000000" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="0.85"/></linearGradient>`,
    `<filter id="shadow" x="-10%" y="-10%" width="120%" height="130%"><feDropShadow dx="0" dy="2" stdDeviation="3" flood-color="#000000" flood-opacity="0.55"/></filter>`,
    `<clipPath id="frame"><rect width="${WIDTH}" height="${HEIGHT}"/></clipPath>`,
    `</defs>`,
    `<g clip-path="url(#frame)">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#bg)"/>`,
    artwork(motif, rand, top),
    `<rect y="260" width="${WIDTH}" height="${HEIGHT - 260}" fill="url(#fade)"/>`,
    `</g>`,
    rule,
    titleSvg,
    taglineSvg,
    badges(badgeList, badgeY),
    `<rect x="6" y="6" width="${WIDTH - 12}" height="${HEIGHT - 12}" rx="6" fill="none" stroke="#ffffff" stroke-opacity="0.18"/>`,
    `</svg>`,
  ].join("");
}
