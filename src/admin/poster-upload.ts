import { ApiError } from "../http/errors";
import { MAX_POSTER_BYTES } from "./posters";

/** The poster's bytes: a raw image body, or the `poster` field of a multipart form. */
export async function posterBytes(req: Request): Promise<Uint8Array<ArrayBuffer>> {
  const type = req.headers.get("content-type") ?? "";
  let bytes: Uint8Array<ArrayBuffer>;
  if (type.startsWith("multipart/form-data")) {
    const form = await req.formData().catch(() => {
      throw new ApiError("BAD_REQUEST", "Unreadable multipart body");
    });
    const file = form.get("poster");
    if (!file || typeof file === "string") throw new ApiError("BAD_REQUEST", "Send the image as the `poster` field");
    bytes = new Uint8Array(await file.arrayBuffer());
  } else bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength === 0) throw new ApiError("BAD_REQUEST", "No image was sent");
  if (bytes.byteLength > MAX_POSTER_BYTES)
    throw new ApiError("PAYLOAD_TOO_LARGE", `A poster is at most ${MAX_POSTER_BYTES} bytes`);
  return bytes;
}
