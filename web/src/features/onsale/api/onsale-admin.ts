import type { OnsaleEvent, OnsaleEventBody } from "@housefull/shared";
import { api, unwrap } from "../../../api/client";

const shows = () => api.admin.theatres[":theatreId"].shows[":showId"];

/** PUT /admin/theatres/{theatreId}/shows/{showId}/onsale: sell through a waiting room. */
export const markOnsale = (theatreId: string, showId: string, body: OnsaleEventBody): Promise<OnsaleEvent> =>
  unwrap(shows().onsale.$put({ param: { theatreId, showId }, json: body }));

/** DELETE …/onsale: the show (and every show of its event) sells without a waiting room again. */
export const unmarkOnsale = (theatreId: string, showId: string) =>
  unwrap(shows().onsale.$delete({ param: { theatreId, showId } }));
