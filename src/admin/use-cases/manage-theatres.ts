import { publishCatalogChange } from "../../catalog/catalog-version";
import { eq } from "../../db/drizzle";
import { screens, seatLayouts, theatres } from "../../db/schema";
import type { Deps } from "../../deps";
import { type SeatLayout, seatIdsOf } from "../../domain/seat-layout";
import type { AdminScreen, AdminTheatre, TheatreFields } from "../../shared/admin-schemas";
import { layoutHasSales, layoutRow, screenOf, showIdsOnLayout, type TheatreRow, theatreById } from "../admin-store";
import { recordCreation, recordStaffAction, type StaffActor } from "../audit-log";

export const adminTheatreOf = (t: TheatreRow, defaultCutoff: number): AdminTheatre => ({
  id: t.id,
  name: t.name,
  city: t.city ?? "",
  address: t.address ?? "",
  location: t.geoLat && t.geoLng ? { lat: Number(t.geoLat), lng: Number(t.geoLng) } : null,
  cancellationPolicy: {
    available: t.cancellationAvailable,
    cutoffMinutes: t.cancellationCutoffMinutes ?? defaultCutoff,
    feePercent: Number(t.cancellationFeePct),
  },
  convenienceFee: t.convenienceFee,
});

function theatreColumns(f: Partial<TheatreFields>): Partial<typeof theatres.$inferInsert> {
  const c: Partial<typeof theatres.$inferInsert> = {};
  if (f.name !== undefined) c.name = f.name;
  if (f.city !== undefined) c.city = f.city;
  if (f.address !== undefined) c.address = f.address;
  if (f.location !== undefined) {
    c.geoLat = f.location ? f.location.lat.toFixed(8) : null;
    c.geoLng = f.location ? f.location.lng.toFixed(8) : null;
  }
  if (f.cancellationPolicy !== undefined) {
    c.cancellationAvailable = f.cancellationPolicy.available;
    c.cancellationCutoffMinutes = f.cancellationPolicy.cutoffMinutes;
    c.cancellationFeePct = f.cancellationPolicy.feePercent.toFixed(2);
  }
  if (f.convenienceFee !== undefined) c.convenienceFee = f.convenienceFee;
  return c;
}

export async function createTheatre(deps: Deps, input: { actor: StaffActor; fields: TheatreFields }) {
  const { db } = deps;
  const id = crypto.randomUUID();
  const [[row]] = await db.batch([
    db
      .insert(theatres)
      .values({ id, ...theatreColumns(input.fields), name: input.fields.name })
      .returning(),
    recordCreation(db, input.actor, id, { type: "theatre", id }, input.fields),
  ]);
  await publishCatalogChange();
  return {
    outcome: "CREATED" as const,
    theatre: adminTheatreOf(row as TheatreRow, deps.config.CANCELLATION_CUTOFF_MINUTES),
  };
}

export async function updateTheatre(
  deps: Deps,
  input: { actor: StaffActor; theatreId: string; fields: Partial<TheatreFields> },
) {
  const { db } = deps;
  const cutoff = deps.config.CANCELLATION_CUTOFF_MINUTES;
  const before = await theatreById(db, input.theatreId);
  if (!before) return { outcome: "THEATRE_NOT_FOUND" as const };
  const columns = theatreColumns(input.fields);
  const [[row]] = await db.batch([
    db.update(theatres).set(columns).where(eq(theatres.id, input.theatreId)).returning(),
    recordStaffAction(db, {
      actor: input.actor,
      theatreId: input.theatreId,
      action: "theatre.update",
      target: { type: "theatre", id: input.theatreId },
      before: adminTheatreOf(before, cutoff),
      after: adminTheatreOf({ ...before, ...columns }, cutoff),
    }),
  ]);
  await publishCatalogChange();
  return { outcome: "CHANGED" as const, theatre: adminTheatreOf(row as TheatreRow, cutoff) };
}

type ScreenWithLayout = NonNullable<Awaited<ReturnType<typeof screenOf>>>;

export const adminScreenOf = ({ screen, layout }: ScreenWithLayout): AdminScreen => ({
  id: screen.id,
  theatreId: screen.theatreId,
  name: screen.name,
  layoutId: layout?.id ?? null,
  layoutVersion: layout?.version ?? null,
  layout: layout?.layout ?? null,
  seats: layout ? seatIdsOf(layout.layout).length : 100,
});

export async function createScreen(
  deps: Deps,
  input: { actor: StaffActor; theatreId: string; name: string; layout: SeatLayout },
) {
  const { db } = deps;
  const screenId = crypto.randomUUID();
  const layoutId = crypto.randomUUID();
  const [[screen], [layout]] = await db.batch([
    db.insert(screens).values({ id: screenId, theatreId: input.theatreId, name: input.name }).returning(),
    db
      .insert(seatLayouts)
      .values({
        id: layoutId,
        theatreId: input.theatreId,
        screenName: input.name,
        screenId,
        version: 1,
        ...layoutRow(input.layout),
      })
      .returning(),
    recordCreation(
      db,
      input.actor,
      input.theatreId,
      { type: "screen", id: screenId },
      {
        name: input.name,
        layoutVersion: 1,
        layout: input.layout,
      },
    ),
  ]);
  return { outcome: "CREATED" as const, screen: adminScreenOf({ screen: screen!, layout: layout ?? null }) };
}

export type EditScreenOutcome =
  | { outcome: "EDITED"; screen: AdminScreen; layoutChange: "NONE" | "IN_PLACE" | "NEW_VERSION" }
  | { outcome: "SCREEN_NOT_FOUND" };

/**
 * Renames a screen and/or changes its layout. A layout that a show with sales uses is never
 * changed under it: the edit writes the next version, which only shows scheduled from now on get.
 * A layout no sold show uses is changed in place (its unsold shows follow it).
 */
export async function editScreen(
  deps: Deps,
  input: { actor: StaffActor; theatreId: string; screenId: string; name?: string; layout?: SeatLayout },
): Promise<EditScreenOutcome> {
  const { db } = deps;
  const current = await screenOf(db, input.theatreId, input.screenId);
  if (!current) return { outcome: "SCREEN_NOT_FOUND" };
  const old = current.layout;
  let layoutChange: "NONE" | "IN_PLACE" | "NEW_VERSION" = "NONE";
  if (input.layout) layoutChange = old && !(await layoutHasSales(db, old.id)) ? "IN_PLACE" : "NEW_VERSION";
  const name = input.name ?? current.screen.name;
  const version = layoutChange === "NEW_VERSION" ? (old?.version ?? 0) + 1 : (old?.version ?? null);
  const writes = [
    db.update(screens).set({ name }).where(eq(screens.id, input.screenId)),
    recordStaffAction(db, {
      actor: input.actor,
      theatreId: input.theatreId,
      action: "screen.update",
      target: { type: "screen", id: input.screenId },
      before: { name: current.screen.name, layoutVersion: old?.version ?? null, layout: old?.layout ?? null },
      after: { name, layoutVersion: version, layoutChange, layout: input.layout ?? old?.layout ?? null },
    }),
  ] as const;
  const affected = old && layoutChange === "IN_PLACE" ? await showIdsOnLayout(db, old.id) : [];
  if (input.layout && layoutChange === "IN_PLACE" && old) {
    await db.batch([...writes, db.update(seatLayouts).set(layoutRow(input.layout)).where(eq(seatLayouts.id, old.id))]);
  } else if (input.layout) {
    const row = { theatreId: input.theatreId, screenName: name, screenId: input.screenId, version: version ?? 1 };
    await db.batch([...writes, db.insert(seatLayouts).values({ ...row, ...layoutRow(input.layout) })]);
  } else {
    await db.batch(writes);
  }
  await publishCatalogChange(affected);
  const edited = await screenOf(db, input.theatreId, input.screenId);
  return { outcome: "EDITED", screen: adminScreenOf(edited ?? current), layoutChange };
}
