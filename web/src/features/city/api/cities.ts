import type { InferResponseType } from "hono/client";
import { api, unwrap } from "../../../api/client";
import type { EarlyRead } from "../../../api/early-reads";

export type City = InferResponseType<typeof api.cities.$get, 200>["cities"][number];
type CityList = InferResponseType<typeof api.cities.$get, 200>;

/**
 * GET /cities: the cities that have theatres. They change when a theatre opens: rarely. Read on the
 * movies page's first visit (and from the header's picker), so before the query library loads.
 */
export const citiesRead = (): EarlyRead<CityList> => ({
  key: ["cities"],
  fetch: () => unwrap(api.cities.$get({})),
  staleTime: 30 * 60_000,
});
