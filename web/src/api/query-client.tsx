/**
 * The query cache, with the query library: loaded with the first lazy page (../routes.ts), never
 * by the movies page's first load (see ./early-reads.ts). One client for the whole tab; each lazy
 * page renders inside its provider.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ComponentType } from "react";
import { retryDelay, shouldRetry } from "./api-error";
import { handEarlyReadsTo, queryCacheOf } from "./early-reads";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: shouldRetry,
      retryDelay,
      refetchOnWindowFocus: false,
    },
  },
});

// What the movies page has read so far (and reads from now on) is in the cache too, and so is a
// request still under way (the seat page's, started as its route matched).
handEarlyReadsTo(queryCacheOf(queryClient));

/** `Inner`, rendered inside the query cache's provider. */
export function withQueries<P extends object>(Inner: ComponentType<P>): ComponentType<P> {
  return function WithQueries(props: P) {
    return (
      <QueryClientProvider client={queryClient}>
        <Inner {...props} />
      </QueryClientProvider>
    );
  };
}
