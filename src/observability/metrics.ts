/**
 * The product's own numbers (docs/OPERATIONS.md: metrics): each event one Workers Analytics Engine
 * data point. `writeDataPoint` is fire-and-forget (no round trip, nothing awaited), so recording
 * never slows or fails a booking. Deployed environments bind the dataset as `METRICS`; locally there
 * is none and events go nowhere; tests hand in a recorder in its place.
 */

/** What happened, with only ids and counts: never a customer detail or a secret. */
export type MetricEvent =
  /** One API request: its route pattern (not the raw path), method, status and milliseconds. */
  | { event: "request"; route: string; method: string; status: number; ms: number }
  /** A new hold (not a retry): the start of a booking. */
  | { event: "hold.created"; showId: string; seats: number }
  /** A live hold given back by its holder (so it neither became an order nor expired). */
  | { event: "hold.released"; showId: string; seats: number }
  /** A hold became an order waiting for payment. */
  | { event: "order.placed"; showId: string; seats: number }
  /** Money received and a ticket issued: a completed booking. */
  | { event: "order.confirmed"; showId: string; seats: number }
  /** Orders whose payment window lapsed, in one cron run. */
  | { event: "orders.expired"; count: number }
  /** A payment webhook answered with a refusal (4xx or 5xx), by its outcome. */
  | { event: "webhook.refused"; reason: string; status: number }
  /** A backend did not answer (or refused the connection) during a request. */
  | { event: "backend.unavailable"; backend: string };

/** Every event, so docs/OPERATIONS.md can be checked to describe each one (test/deploy/operations.test.ts). */
export const METRIC_EVENTS: Record<MetricEvent["event"], true> = {
  request: true,
  "hold.created": true,
  "hold.released": true,
  "order.placed": true,
  "order.confirmed": true,
  "orders.expired": true,
  "webhook.refused": true,
  "backend.unavailable": true,
};

export interface Metrics {
  record(event: MetricEvent): void;
}

export const noMetrics: Metrics = { record: () => {} };

/**
 * The data point of an event, in one fixed layout so every query reads the same columns:
 * blob1 event, blob2 subject (route, show, reason or backend), blob3 method;
 * double1 count, double2 value (ms or seats), double3 HTTP status; index1 the event.
 */
export function dataPointOf(e: MetricEvent): AnalyticsEngineDataPoint {
  const point = (subject: string, count: number, value = 0, status = 0, method = "") => ({
    indexes: [e.event],
    blobs: [e.event, subject, method],
    doubles: [count, value, status],
  });
  switch (e.event) {
    case "request":
      return point(e.route, 1, e.ms, e.status, e.method);
    case "hold.created":
    case "hold.released":
    case "order.placed":
    case "order.confirmed":
      return point(e.showId, 1, e.seats);
    case "orders.expired":
      return point("", e.count);
    case "webhook.refused":
      return point(e.reason, 1, 0, e.status);
    case "backend.unavailable":
      return point(e.backend, 1);
  }
}

/** The metrics of an invocation: the `METRICS` dataset if this environment binds one, else nothing. */
export function metricsOf(env: { METRICS?: AnalyticsEngineDataset }): Metrics {
  const dataset = env.METRICS;
  if (!dataset) return noMetrics;
  return {
    record(event) {
      try {
        dataset.writeDataPoint(dataPointOf(event));
      } catch {
        // A metric is never worth a failed request (e.g. over the per-invocation data point limit).
      }
    },
  };
}
