CREATE TABLE "checkin_conflicts" (
	"conflict_id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"show_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"seat_id" varchar(8) NOT NULL,
	"gate" varchar(40) NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"scan_id" uuid NOT NULL,
	"scanned_by" uuid NOT NULL,
	"first_gate" varchar(40) NOT NULL,
	"first_admitted_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkin_conflicts_scan_key" UNIQUE("scan_id","seat_id")
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"order_id" uuid NOT NULL,
	"seat_id" varchar(8) NOT NULL,
	"show_id" uuid NOT NULL,
	"gate" varchar(40) NOT NULL,
	"admitted_at" timestamp with time zone NOT NULL,
	"scan_id" uuid NOT NULL,
	"scanned_by" uuid NOT NULL,
	"source" varchar(10) NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkins_pkey" PRIMARY KEY("order_id","seat_id")
);
--> statement-breakpoint
ALTER TABLE "checkin_conflicts" ADD CONSTRAINT "checkin_conflicts_show_id_shows_show_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."shows"("show_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_conflicts" ADD CONSTRAINT "checkin_conflicts_order_id_orders_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("order_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_order_id_orders_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("order_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_show_id_shows_show_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."shows"("show_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_checkin_conflicts_show" ON "checkin_conflicts" USING btree ("show_id","recorded_at");--> statement-breakpoint
CREATE INDEX "idx_checkins_show" ON "checkins" USING btree ("show_id");