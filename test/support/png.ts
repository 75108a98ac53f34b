/**
 * Reads back the PNGs that src/door/ticket-qr-png.ts writes (1-bit greyscale, unfiltered) into
 * RGBA pixels for jsQR, so a test decodes the QR code from the very bytes an email carries.
 */
export async function readBitmapPng(
  png: Uint8Array,
): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error("not a PNG");
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = new TextDecoder().decode(png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      if (data[8] !== 1 || data[9] !== 0) throw new Error("only 1-bit greyscale is read here");
    }
    if (type === "IDAT") idat.push(data);
    at += 12 + length;
  }
  const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  let o = 0;
  for (const d of idat) {
    joined.set(d, o);
    o += d.length;
  }
  const stream = new Blob([joined]).stream().pipeThrough(new DecompressionStream("deflate"));
  const raw = new Uint8Array(await new Response(stream).arrayBuffer());
  const rowBytes = Math.ceil(width / 8);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    if (raw[y * (rowBytes + 1)] !== 0) throw new Error("only unfiltered scanlines are read here");
    for (let x = 0; x < width; x++) {
      const byte = raw[y * (rowBytes + 1) + 1 + (x >> 3)] as number;
      const v = byte & (0x80 >> (x & 7)) ? 255 : 0;
      rgba.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return { width, height, rgba };
}
