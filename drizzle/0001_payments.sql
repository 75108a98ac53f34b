CREATE TABLE "payment_events" (
	"event_id" varchar(255) PRIMARY KEY NOT NULL,
	"type" varchar(80) NOT NULL,
	"order_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "convenience_fee" numeric(10, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_session_id" varchar(255);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_session_url" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_session_closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_intent_id" varchar(255);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "refund_status" varchar(20);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "refund_reason" varchar(40);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "refund_amount" numeric(10, 2);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "refund_id" varchar(255);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "refund_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "refund_failure" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "refund_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "refund_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "theatres" ADD COLUMN "convenience_fee" numeric(10, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_payment_session_key" ON "orders" USING btree ("payment_session_id");--> statement-breakpoint
CREATE INDEX "idx_orders_open_sessions" ON "orders" USING btree ("expires_at") WHERE "orders"."payment_session_id" is not null and "orders"."payment_session_closed_at" is null;--> statement-breakpoint
CREATE INDEX "idx_orders_unsent_refunds" ON "orders" USING btree ("refund_requested_at") WHERE "orders"."refund_status" = 'pending' and "orders"."refund_id" is null;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_refund_status_check" CHECK ("orders"."refund_status" in ('pending','succeeded','failed'));--> statement-breakpoint
ALTER TABLE "theatres" ADD CONSTRAINT "theatres_convenience_fee_check" CHECK ("theatres"."convenience_fee" >= 0);