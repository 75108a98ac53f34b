ALTER TABLE "orders" ADD COLUMN "admission_event_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "admission_until" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_admission_once" ON "orders" USING btree ("admission_event_id","user_id","admission_until") WHERE "orders"."status" in ('PAYMENT_PENDING','CONFIRMED') and "orders"."admission_event_id" is not null;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_admission_check" CHECK (("orders"."admission_event_id" is null) = ("orders"."admission_until" is null));