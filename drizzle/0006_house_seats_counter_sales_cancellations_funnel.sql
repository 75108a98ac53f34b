CREATE TABLE "house_seats" (
	"show_id" uuid NOT NULL,
	"seat_id" varchar(8) NOT NULL,
	"reason" varchar(20) NOT NULL,
	"note" varchar(200),
	"blocked_by" uuid NOT NULL,
	"blocked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "house_seats_pkey" PRIMARY KEY("show_id","seat_id"),
	CONSTRAINT "house_seats_reason_check" CHECK ("house_seats"."reason" in ('VIP','PRESS','BROKEN','OTHER'))
);
--> statement-breakpoint
CREATE TABLE "show_cancellation_orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"show_id" uuid NOT NULL,
	"status_before" varchar(20) NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" varchar(20)
);
--> statement-breakpoint
CREATE TABLE "show_cancellations" (
	"show_id" uuid PRIMARY KEY NOT NULL,
	"requested_by" uuid NOT NULL,
	"reason" varchar(200),
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "show_funnel_counts" (
	"show_id" uuid PRIMARY KEY NOT NULL,
	"holds" integer DEFAULT 0 NOT NULL,
	"holds_released" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order_seats" ALTER COLUMN "order_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "order_seats" ADD COLUMN "house_seat_id" varchar(8);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_method" varchar(20) DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "sold_by" uuid;--> statement-breakpoint
ALTER TABLE "house_seats" ADD CONSTRAINT "house_seats_show_id_shows_show_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."shows"("show_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "show_cancellation_orders" ADD CONSTRAINT "show_cancellation_orders_order_id_orders_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("order_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "show_cancellation_orders" ADD CONSTRAINT "show_cancellation_orders_show_id_shows_show_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."shows"("show_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "show_cancellations" ADD CONSTRAINT "show_cancellations_show_id_shows_show_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."shows"("show_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "show_funnel_counts" ADD CONSTRAINT "show_funnel_counts_show_id_shows_show_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."shows"("show_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_show_cancellation_orders_show" ON "show_cancellation_orders" USING btree ("show_id");--> statement-breakpoint
ALTER TABLE "order_seats" ADD CONSTRAINT "order_seats_house_seat_fkey" FOREIGN KEY ("show_id","house_seat_id") REFERENCES "public"."house_seats"("show_id","seat_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_seats" ADD CONSTRAINT "order_seats_occupant_check" CHECK (("order_seats"."order_id" is null) = ("order_seats"."house_seat_id" is not null) and ("order_seats"."house_seat_id" is null or "order_seats"."house_seat_id" = "order_seats"."seat_id"));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_payment_method_check" CHECK ("orders"."payment_method" in ('online','counter'));