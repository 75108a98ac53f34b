/**
 * Movie posters drawn on the fly as SVG (the catalog has no image files). Pure: no I/O and no Node
 * APIs, so it runs inside the worker. Everything is derived deterministically from the movie, so a
 * poster never changes between requests and caches well.
 */
import { artwork, f, HEIGHT, hash32, motifFor, posterPaletteFor, rng, WIDTH } from "./poster-art";
import { escapeXml, layoutTitle, TITLE_LETTER_SPACING, wrapText } from "./poster-text";

export { posterPaletteFor } from "./poster-art";
export { escapeXml, titleWidth, wrapLines, wrapText } from "./poster-text";

export interface PosterInput {
  title: string;
  tagline?: string | null;
  genres: string[];
  language?: string | null;
  ageRating?: string | null;
  /** Two hex colours, top → bottom. Defaults to {@link posterPaletteFor}(title). */
  palette?: [string, string];
}

const MARGIN = 30;
const TEXT_WIDTH = WIDTH - 2 * MARGIN;

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

function safeColour(value: string | undefined, fallback: string): string {
  return value && HEX.test(value) ? value : fallback;
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

  const { size, lines } = layoutTitle(title, TEXT_WIDTH);
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
