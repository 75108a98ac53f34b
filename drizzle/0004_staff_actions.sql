CREATE TABLE "staff_actions" (
	"staff_action_id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"role" varchar(20) NOT NULL,
	"theatre_id" uuid,
	"action" varchar(60) NOT NULL,
	"target_type" varchar(30) NOT NULL,
	"target_id" varchar(64) NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" varchar(64)
);
--> statement-breakpoint
CREATE INDEX "idx_staff_actions_at" ON "staff_actions" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_staff_actions_theatre" ON "staff_actions" USING btree ("theatre_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_staff_actions_actor" ON "staff_actions" USING btree ("actor_user_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_staff_actions_target" ON "staff_actions" USING btree ("target_type","target_id","at" DESC NULLS LAST);