import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { describeRoute, jsonResponse, undocumented } from "../http/openapi-doc";
import { type Refused, refusals } from "../http/refusals";
import { validate } from "../http/validate";
import { placeOrderAnswers } from "../orders/routes";
import { orderSchema } from "../orders/schemas";
import { counterSaleRequest } from "../shared/admin-ops-schemas";
import { ADMISSION_HEADER } from "../shared/admission-header";
import { staffActorOf } from "./actor";
import { showWriteErrors } from "./route-docs";
import { showIdParam } from "./schemas";
import { requireShowStaff } from "./show-access";
import { type SellAtCounterOutcome, sellAtCounter } from "./use-cases/sell-at-counter";

/** The box office (docs/API.md: Back office): a staff member's own hold sold to a buyer, paid at the counter. */
const refusedCounterSale = refusals<Refused<SellAtCounterOutcome, "SOLD" | "ALREADY_SOLD">>({
  ...placeOrderAnswers,
  NOT_SELLABLE: ({ status }) =>
    status === "EXPIRED"
      ? ["ORDER_EXPIRED", "The hold's order lapsed before it was sold; hold the seats again", { status }]
      : status === "CANCELLED"
        ? ["ORDER_CANCELLED", "This hold's order was cancelled", { status }]
        : ["ORDER_ALREADY_PAID", "This hold's order is already paid", { status }],
});

const counterSaleSchema = z.object({
  order: orderSchema,
  ticket: z.object({ token: z.string(), ticketCode: z.string(), keyId: z.number().check(z.int()) }),
});

export const counterSaleRoutes = new Hono<AppEnv>().post(
  "/admin/shows/:showId/counter-sales",
  ROUTE_DOCS
    ? describeRoute({
        tags: ["Back office"],
        summary: "Sell at the box office: the staff member's own hold → an order for the buyer, paid at the counter",
        description:
          "Hold the seats first with `POST /holds` as yourself (the same seat map as customers). The order is recorded with payment method `counter` and you as the seller, confirmed at once, and answered with the same signed ticket and receipt as an online booking; the buyer is emailed if an address is given. A repeat with the same hold answers the same sale (200).",
        responses: {
          201: jsonResponse("Sold: the confirmed order and its signed ticket", counterSaleSchema),
          200: jsonResponse("Sold before (a repeat): the same order and ticket", counterSaleSchema),
          ...showWriteErrors(
            "HOLD_NOT_FOUND",
            "SEAT_TAKEN",
            "SHOW_CLOSED",
            "IDEMPOTENCY_KEY_REUSED",
            "ORDER_ALREADY_PAID",
            "ORDER_CANCELLED",
            "HOLD_EXPIRED",
            "ORDER_EXPIRED",
          ),
        },
      })
    : undocumented,
  requireUser,
  validate("param", showIdParam),
  requireShowStaff("manage"),
  validate("json", counterSaleRequest),
  async (c) => {
    const { holdId, customer } = c.req.valid("json");
    const show = c.var.staffShow;
    const result = await sellAtCounter(depsOf(c), {
      show,
      actor: staffActorOf(c),
      holdId,
      customer,
      admissionToken: c.req.header(ADMISSION_HEADER),
    });
    if (result.outcome !== "SOLD" && result.outcome !== "ALREADY_SOLD") throw refusedCounterSale(result);
    const { order, ticket } = result;
    return c.json({ order, ticket }, result.outcome === "SOLD" ? 201 : 200, noStore);
  },
);
