/**
 * Uploaded posters: checked by their bytes (not the declared type), stored in R2 under their own
 * SHA-256 (a new image is a new URL, so the URL can be cached for a year as immutable), served by
 * the worker at /api/v1/posters/{key}. A movie without one keeps its generated SVG poster.
 */
export const MAX_POSTER_BYTES = 2 * 1024 * 1024;

const SIGNATURES: { type: string; ext: string; matches: (b: Uint8Array) => boolean }[] = [
  { type: "image/jpeg", ext: "jpg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: "image/png",
    ext: "png",
    matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  },
  {
    type: "image/webp",
    ext: "webp",
    matches: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP",
  },
];

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The image's type from its first bytes; undefined when it is none of the accepted ones. */
export function sniffPoster(bytes: Uint8Array): { type: string; ext: string } | undefined {
  const found = SIGNATURES.find((s) => s.matches(bytes));
  return found && { type: found.type, ext: found.ext };
}

/** Stores the image under its content address; the same image twice is one object. */
export async function storePoster(
  bucket: R2Bucket,
  bytes: Uint8Array<ArrayBuffer>,
  type: { type: string; ext: string },
) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const key = `${[...digest].map((b) => b.toString(16).padStart(2, "0")).join("")}.${type.ext}`;
  await bucket.put(key, bytes, { httpMetadata: { contentType: type.type } });
  return { key, url: `/api/v1/posters/${key}` };
}

/** The generated poster every movie has (and falls back to). */
export const generatedPosterUrl = (movieId: string) => `/api/v1/movies/${movieId}/poster.svg`;
