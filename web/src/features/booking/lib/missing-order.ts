/** What an order's pages say when the API does not know the order: a wrong link, or another device's booking. */
export const missingOrder = (thing: "booking" | "ticket") => ({
  title: `We couldn't find this ${thing}`,
  description: "It may belong to another device or browser.",
  action: { to: "/bookings", label: "My bookings" },
});
