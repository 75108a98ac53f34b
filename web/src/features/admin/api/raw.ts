import { ApiError, noAnswer } from "../../../api/client";
import { apiFetch } from "../../../api/identity";

/**
 * A call the typed client cannot describe (a raw image body): through the same `apiFetch` (cookies,
 * the CSRF header on writes), its failure the same {@link ApiError}.
 */
export async function sendRaw<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await apiFetch(path, init);
  } catch (err) {
    throw noAnswer(err);
  }
  if (!res.ok) throw await ApiError.fromResponse(res);
  return (await res.json()) as T;
}
