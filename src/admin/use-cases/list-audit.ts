import type { StaffRole } from "../../accounts/tables";
import type { Deps } from "../../deps";
import type { AuditEntry } from "../../shared/admin-schemas";
import { type AuditFilter, auditPage } from "../admin-store";

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

export async function listAudit(
  deps: Deps,
  input: Omit<AuditFilter, "before"> & { cursor?: string; roles: StaffRole[] },
): Promise<{ outcome: "LISTED"; entries: AuditEntry[]; nextCursor: string | null; customerDataMasked: boolean }> {
  const [at, id] = input.cursor?.split("|") ?? [];
  const rows = await auditPage(deps.db, { ...input, before: at && id ? { at, id } : undefined });
  const page = rows.slice(0, input.limit);
  const masked = !sees(input.roles).customerData;
  const entries = page.map(({ entry, actorEmail }) => ({
    id: entry.id,
    at: new Date(entry.at).toISOString(),
    actor: { userId: entry.actorUserId, email: actorEmail, role: entry.role },
    theatreId: entry.theatreId,
    action: entry.action,
    target: { type: entry.targetType, id: entry.targetId },
    before: masked ? maskCustomerData(entry.before) : entry.before,
    after: masked ? maskCustomerData(entry.after) : entry.after,
    requestId: entry.requestId,
  }));
  const last = page.at(-1);
  const nextCursor = rows.length > input.limit && last ? `${last.entry.at}|${last.entry.id}` : null;
  return { outcome: "LISTED", entries, nextCursor, customerDataMasked: masked };
}
