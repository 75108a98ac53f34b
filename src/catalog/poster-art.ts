/**
 * The poster's colours and artwork: a curated gradient and abstract shapes by genre, drawn from a
 * PRNG seeded by the title so a poster never changes between requests. Pure, like poster.ts.
 */

/** The canvas (px): 2:3. */
export const WIDTH = 400;
export const HEIGHT = 600;

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
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small deterministic PRNG seeded from the title. */
export function rng(seed: number): () => number {
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

/** A coordinate to one decimal: short SVG. */
export const f = (n: number) => (Math.round(n * 10) / 10).toString();

type Motif = "orbits" | "slashes" | "hearts" | "sun" | "shards" | "confetti" | "mountains" | "waves";

export function motifFor(genres: string[], title: string): Motif {
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
export function artwork(motif: Motif, rand: () => number, accent: string): string {
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
