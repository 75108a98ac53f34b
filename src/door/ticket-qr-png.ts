/**
 * A ticket's QR code as a PNG, for the confirmation email: most mail clients block SVG and data:
 * URIs but show a PNG attached inline (Content-ID). The module matrix comes from `uqr`; the PNG is
 * written here (greyscale, 1 bit per pixel, zlib through CompressionStream("deflate")): a few
 * hundred bytes, no image library in the worker.
 */
import { encode } from "uqr";

/** The QR code's modules, quiet zone included: `true` is dark. ECC M survives a smudged print. */
export function ticketQrMatrix(token: string, quietZone = 4): boolean[][] {
  return encode(token, { ecc: "M", border: quietZone }).data;
}

/** A PNG of the token's QR code, `scale` pixels per module (6 → about 370 px for a two-seat ticket). */
export async function ticketQrPng(token: string, scale = 6): Promise<Uint8Array> {
  const matrix = ticketQrMatrix(token);
  return encodeBitmapPng(matrix, scale);
}

/** A 1-bit greyscale PNG of `matrix` (dark = black), each module `scale` × `scale` pixels. */
export async function encodeBitmapPng(matrix: boolean[][], scale: number): Promise<Uint8Array> {
  const size = matrix.length * scale;
  const rowBytes = Math.ceil(size / 8);
  const raw = new Uint8Array((rowBytes + 1) * size); // each scanline: filter byte 0, then the bits
  for (let y = 0; y < size; y++) {
    const modules = matrix[Math.floor(y / scale)] ?? [];
    const at = y * (rowBytes + 1) + 1;
    for (let x = 0; x < size; x++) {
      // Bit 1 is white in greyscale: light modules set their bit.
      if (!modules[Math.floor(x / scale)]) light(raw, at, x);
    }
    for (let x = size; x < rowBytes * 8; x++) light(raw, at, x);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter method, no interlace
  const idat = await zlib(raw);
  return concat([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk("IHDR", header),
    chunk("IDAT", idat),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

const light = (raw: Uint8Array, rowStart: number, x: number) => {
  const i = rowStart + (x >> 3);
  raw[i] = (raw[i] ?? 0) | (0x80 >> (x & 7));
};

/** zlib (RFC 1950), which is what CompressionStream calls "deflate" and what PNG's IDAT holds. */
async function zlib(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat([new TextEncoder().encode(type), data]);
  const out = new Uint8Array(8 + data.length + 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(typed, 4);
  view.setUint32(8 + data.length, crc32(typed));
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
