CREATE TABLE "onsale_events" (
	"event_id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theatre_id" uuid NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"admit_per_second" integer NOT NULL,
	"max_active" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onsale_events_rate_check" CHECK ("onsale_events"."admit_per_second" > 0),
	CONSTRAINT "onsale_events_active_check" CHECK ("onsale_events"."max_active" > 0)
);
--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "onsale_event_id" uuid;--> statement-breakpoint
ALTER TABLE "onsale_events" ADD CONSTRAINT "onsale_events_theatre_id_theatres_theatre_id_fk" FOREIGN KEY ("theatre_id") REFERENCES "public"."theatres"("theatre_id") ON DELETE no action ON UPDATE no action;