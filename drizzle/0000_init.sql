CREATE TABLE "email_log" (
	"order_id" uuid NOT NULL,
	"kind" varchar(40) NOT NULL,
	"recipient" varchar(255) NOT NULL,
	"provider_message_id" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_log_pkey" PRIMARY KEY("order_id","kind")
);
--> statement-breakpoint
CREATE TABLE "movies" (
	"movie_id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" varchar(255) NOT NULL,
	"about" text,
	"thumbnail_url" text,
	"rating" numeric(3, 1),
	"duration_mins" integer,
	"age_rating" varchar(10),
	"release_date" date,
	"language" varchar(50),
	"format" varchar(20),
	"genres" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_seats" (
	"show_id" uuid NOT NULL,
	"seat_id" varchar(8) NOT NULL,
	"order_id" uuid NOT NULL,
	CONSTRAINT "order_seats_pkey" PRIMARY KEY("show_id","seat_id")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"order_id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" varchar(255) NOT NULL,
	"show_id" uuid NOT NULL,
	"hold_id" varchar(64) NOT NULL,
	"seat_ids" text[] NOT NULL,
	"customer_name" varchar(255),
	"customer_email" varchar(255),
	"customer_phone" varchar(20),
	"amount" numeric(10, 2) NOT NULL,
	"status" varchar(20) DEFAULT 'PAYMENT_PENDING' NOT NULL,
	"ticket_code" varchar(50),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_hold_id_key" UNIQUE("hold_id"),
	CONSTRAINT "orders_ticket_code_key" UNIQUE("ticket_code"),
	CONSTRAINT "orders_status_check" CHECK ("orders"."status" in ('PAYMENT_PENDING','CONFIRMED','EXPIRED','CANCELLED')),
	CONSTRAINT "orders_amount_check" CHECK ("orders"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "seat_layouts" (
	"layout_id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theatre_id" uuid,
	"screen_name" varchar(50),
	"rows" integer NOT NULL,
	"cols" integer NOT NULL,
	"layout_json" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shows" (
	"show_id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"movie_id" uuid NOT NULL,
	"theatre_id" uuid NOT NULL,
	"layout_id" uuid,
	"start_time" timestamp with time zone NOT NULL,
	"price" numeric(10, 2) NOT NULL,
	"status" varchar(20) DEFAULT 'AVAILABLE' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shows_status_check" CHECK ("shows"."status" in ('AVAILABLE','FILLING_FAST','ALMOST_FULL','CANCELLED')),
	CONSTRAINT "shows_price_check" CHECK ("shows"."price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "theatres" (
	"theatre_id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(255) NOT NULL,
	"city" varchar(100),
	"address" text,
	"geo_lat" numeric(10, 8),
	"geo_lng" numeric(11, 8),
	"cancellation_available" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_log" ADD CONSTRAINT "email_log_order_id_orders_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("order_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_seats" ADD CONSTRAINT "order_seats_show_id_shows_show_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."shows"("show_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_seats" ADD CONSTRAINT "order_seats_order_id_orders_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("order_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_show_id_shows_show_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."shows"("show_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_layouts" ADD CONSTRAINT "seat_layouts_theatre_id_theatres_theatre_id_fk" FOREIGN KEY ("theatre_id") REFERENCES "public"."theatres"("theatre_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shows" ADD CONSTRAINT "shows_movie_id_movies_movie_id_fk" FOREIGN KEY ("movie_id") REFERENCES "public"."movies"("movie_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shows" ADD CONSTRAINT "shows_theatre_id_theatres_theatre_id_fk" FOREIGN KEY ("theatre_id") REFERENCES "public"."theatres"("theatre_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shows" ADD CONSTRAINT "shows_layout_id_seat_layouts_layout_id_fk" FOREIGN KEY ("layout_id") REFERENCES "public"."seat_layouts"("layout_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_order_seats_order" ON "order_seats" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "idx_orders_user" ON "orders" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_orders_show_status" ON "orders" USING btree ("show_id","status");--> statement-breakpoint
CREATE INDEX "idx_orders_pending_expiry" ON "orders" USING btree ("expires_at") WHERE "orders"."status" = 'PAYMENT_PENDING';--> statement-breakpoint
CREATE INDEX "idx_shows_movie_date" ON "shows" USING btree ("movie_id","start_time");--> statement-breakpoint
CREATE INDEX "idx_shows_theatre" ON "shows" USING btree ("theatre_id","start_time");