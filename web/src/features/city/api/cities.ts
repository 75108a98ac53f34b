import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api, unwrap } from "../../../api/client";

export type City = InferResponseType<typeof api.cities.$get, 200>["cities"][number];

/** GET /cities: the cities that have theatres. They change when a theatre opens: rarely. */
export const citiesQuery = () =>
  queryOptions({
    queryKey: ["cities"] as const,
    queryFn: ({ signal }) => unwrap(api.cities.$get({}, { init: { signal } })),
    staleTime: 30 * 60_000,
  });
