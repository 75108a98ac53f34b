import type { StaffRole } from "../shared/staff-roles";

/**
 * Customers' email and phone are shown to admins only (support and data-protection requests);
 * theatre managers see the rest of every entry of their theatres, with those two masked: refunds
 * and emails reach customers through the product, so a manager never needs to contact one directly.
 * Ushers do not read the audit log. Staff actions put customer data under a `customer` key, or as
 * `customerEmail`/`customerPhone` (orders' column names), anywhere in before/after.
 */
export const sees = (roles: readonly StaffRole[]) => ({ customerData: roles.includes("admin") });

const MASKED = new Set(["customerEmail", "customerPhone"]);

export function maskCustomerData(value: unknown, inCustomer = false): unknown {
  if (Array.isArray(value)) return value.map((v) => maskCustomerData(v, inCustomer));
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (MASKED.has(key) || (inCustomer && (key === "email" || key === "phone")))
        return [key, v === null ? null : "•••"];
      return [key, maskCustomerData(v, inCustomer || key === "customer")];
    }),
  );
}
