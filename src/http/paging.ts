import * as z from "zod/mini";

/** A page of a list answer (movies, orders): its items and where the page stands in the whole list. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().check(z.int()),
    pageSize: z.number().check(z.int()),
    total: z.number().check(z.int()),
    totalPages: z.number().check(z.int()),
  });
