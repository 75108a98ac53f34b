/**
 * Query keys of orders, shared by the booking flow (which places, pays and cancels them) and My
 * bookings (which lists them): any change under `orders` refreshes both.
 */
export const orderKeys = {
  all: ["orders"] as const,
  detail: (orderId: string) => ["orders", "detail", orderId] as const,
  list: (page: number) => ["orders", "list", page] as const,
};
