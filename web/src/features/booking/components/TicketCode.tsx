/**
 * A picture made from the ticket code (a 2-D code look, corner markers included), so the ticket is
 * recognisable at a glance. Decorative: it encodes nothing a scanner reads; the code printed next to
 * it is what the counter types in.
 */
export function TicketCodeArt({ code, size = 132 }: { code: string; size?: number }) {
  const cells = 21;
  const random = seeded(code);
  const squares: string[] = [];
  const finder = (r: number, c: number) => {
    const corner = (r0: number, c0: number) => r >= r0 && r < r0 + 7 && c >= c0 && c < c0 + 7;
    return corner(0, 0) || corner(0, cells - 7) || corner(cells - 7, 0);
  };
  for (let r = 0; r < cells; r++) {
    for (let c = 0; c < cells; c++) {
      if (finder(r, c)) continue;
      // A quiet ring around each marker, like the real thing.
      const nearFinder = (r < 8 && (c < 8 || c >= cells - 8)) || (r >= cells - 8 && c < 8);
      if (!nearFinder && random() < 0.5) squares.push(`M${c} ${r}h1v1h-1z`);
    }
  }
  const markers = [
    [0, 0],
    [0, cells - 7],
    [cells - 7, 0],
  ].map(
    ([r, c]) => `M${c} ${r}h7v7h-7zM${(c ?? 0) + 1} ${(r ?? 0) + 1}v5h5v-5zM${(c ?? 0) + 2} ${(r ?? 0) + 2}h3v3h-3z`,
  );
  return (
    <svg
      width={size}
      height={size}
      viewBox={`-1 -1 ${cells + 2} ${cells + 2}`}
      shapeRendering="crispEdges"
      aria-hidden="true"
      focusable="false"
    >
      <rect x={-1} y={-1} width={cells + 2} height={cells + 2} fill="#fff" />
      <path d={markers.join("")} fill="#111" fillRule="evenodd" />
      <path d={squares.join("")} fill="#111" />
    </svg>
  );
}

/** A small deterministic PRNG seeded from text (FNV-1a into mulberry32). */
function seeded(text: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
