CREATE TABLE "screens" (
	"screen_id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theatre_id" uuid NOT NULL,
	"name" varchar(50) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screens_theatre_name_key" UNIQUE("theatre_id","name")
);
--> statement-breakpoint
ALTER TABLE "movies" ADD COLUMN "languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "movies" ADD COLUMN "formats" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "movies" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "seat_layouts" ADD COLUMN "screen_id" uuid;--> statement-breakpoint
ALTER TABLE "seat_layouts" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "screen_id" uuid;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "hall_free_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "category_prices" jsonb;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "language" varchar(50);--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "format" varchar(20);--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "sales_open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "theatres" ADD COLUMN "cancellation_cutoff_minutes" integer;--> statement-breakpoint
ALTER TABLE "theatres" ADD COLUMN "cancellation_fee_pct" numeric(5, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "screens" ADD CONSTRAINT "screens_theatre_id_theatres_theatre_id_fk" FOREIGN KEY ("theatre_id") REFERENCES "public"."theatres"("theatre_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_layouts" ADD CONSTRAINT "seat_layouts_screen_id_screens_screen_id_fk" FOREIGN KEY ("screen_id") REFERENCES "public"."screens"("screen_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shows" ADD CONSTRAINT "shows_screen_id_screens_screen_id_fk" FOREIGN KEY ("screen_id") REFERENCES "public"."screens"("screen_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_shows_screen" ON "shows" USING btree ("screen_id","start_time");--> statement-breakpoint
ALTER TABLE "seat_layouts" ADD CONSTRAINT "seat_layouts_screen_version_key" UNIQUE("screen_id","version");--> statement-breakpoint
ALTER TABLE "theatres" ADD CONSTRAINT "theatres_cancellation_cutoff_check" CHECK ("theatres"."cancellation_cutoff_minutes" >= 0);--> statement-breakpoint
ALTER TABLE "theatres" ADD CONSTRAINT "theatres_cancellation_fee_check" CHECK ("theatres"."cancellation_fee_pct" between 0 and 100);--> statement-breakpoint
-- Backfill (additive: the version serving traffic reads none of these columns). Each existing
-- layout becomes version 1.. of a screen named after it; its shows move to that screen; a movie's
-- one language and format become its lists.
INSERT INTO "screens" ("theatre_id", "name")
  SELECT DISTINCT "theatre_id", coalesce("screen_name", 'Screen') FROM "seat_layouts" WHERE "theatre_id" IS NOT NULL
  ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "seat_layouts" l SET "screen_id" = s."screen_id", "version" = v."version"
  FROM "screens" s,
    (SELECT "layout_id", row_number() OVER (PARTITION BY "theatre_id", coalesce("screen_name", 'Screen') ORDER BY "created_at", "layout_id")::int AS "version" FROM "seat_layouts") v
  WHERE s."theatre_id" = l."theatre_id" AND s."name" = coalesce(l."screen_name", 'Screen') AND v."layout_id" = l."layout_id";--> statement-breakpoint
UPDATE "shows" sh SET "screen_id" = l."screen_id" FROM "seat_layouts" l WHERE l."layout_id" = sh."layout_id";--> statement-breakpoint
UPDATE "movies" SET "languages" = ARRAY["language"] WHERE "language" IS NOT NULL;--> statement-breakpoint
UPDATE "movies" SET "formats" = ARRAY["format"] WHERE "format" IS NOT NULL;--> statement-breakpoint
-- Two live shows never overlap in one screen (start → hall free again), enforced by Postgres so
-- concurrent schedulers cannot both win. Shows without a screen or an end (made before screens
-- existed) are outside it.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "shows" ADD CONSTRAINT "shows_screen_no_overlap" EXCLUDE USING gist (
  "screen_id" WITH =, tstzrange("start_time", "hall_free_at", '[)') WITH &&
) WHERE ("screen_id" IS NOT NULL AND "hall_free_at" IS NOT NULL AND "status" <> 'CANCELLED');--> statement-breakpoint
ALTER TABLE "shows" ADD CONSTRAINT "shows_hall_free_check" CHECK ("hall_free_at" > "start_time");
