import { encode } from "uqr";

/**
 * The QR code of a ticket token as dark modules, quiet zone included (4 modules, as the standard
 * asks). Error correction M, as in the email: a phone screen with glare or a creased printout still reads.
 */
export function qrModules(token: string): boolean[][] {
  return encode(token, { ecc: "M", border: 4 }).data;
}

/** One SVG path for every dark module (runs of a row merged): crisp at any size with crispEdges. */
export function qrPath(modules: boolean[][]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x;
      while (row[end + 1]) end++;
      parts.push(`M${x} ${y}h${end - x + 1}v1h-${end - x + 1}z`);
      x = end;
    }
  });
  return parts.join("");
}
