import type { Deps } from "../../deps";
import { maskCustomerData, sees } from "../../domain/customer-data";
import type { AuditEntry } from "../../shared/admin-schemas";
import type { StaffRole } from "../../shared/staff-roles";
import { type AuditFilter, auditPage } from "../admin-store";

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
