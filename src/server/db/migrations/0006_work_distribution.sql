CREATE TABLE "queue_members" (
	"queue_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_direction_check";--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "queued_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "required_skills" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "out_of_hours_notified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "note" jsonb;--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "pending_members" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD COLUMN "required_skills" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "presence" text DEFAULT 'available' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_active_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "capacity" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "skills" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "queue_members" ADD CONSTRAINT "queue_members_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_members" ADD CONSTRAINT "queue_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "queue_members_unique" ON "queue_members" USING btree ("queue_id","user_id");--> statement-breakpoint
CREATE INDEX "queue_members_user_idx" ON "queue_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "conversations_waiting_queue_idx" ON "conversations" USING btree ("queued_at") WHERE "conversations"."status" = 'open' and "conversations"."assignee_id" is null;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_direction_check" CHECK ("messages"."direction" in ('inbound', 'outbound', 'note'));--> statement-breakpoint
-- Existing conversations entered their queue when they were created.
UPDATE "conversations" SET "queued_at" = "created_at";--> statement-breakpoint
-- Free-text members become memberships of the user with their e-mail, in their listed order.
INSERT INTO "queue_members" ("queue_id", "user_id", "position")
SELECT DISTINCT ON (q."id", u."id") q."id", u."id", m.ord::integer
FROM "queues" q
CROSS JOIN LATERAL jsonb_array_elements(q."members") WITH ORDINALITY AS m(member, ord)
JOIN "users" u ON lower(u."email") = lower(m.member->>'email')
ORDER BY q."id", u."id", m.ord;--> statement-breakpoint
-- Those without a user wait on the queue page to be invited or removed.
UPDATE "queues" q SET "pending_members" = coalesce((
  SELECT jsonb_agg(jsonb_build_object('name', m.member->>'name', 'email', lower(m.member->>'email')) ORDER BY m.ord)
  FROM jsonb_array_elements(q."members") WITH ORDINALITY AS m(member, ord)
  WHERE NOT EXISTS (SELECT 1 FROM "users" u WHERE lower(u."email") = lower(m.member->>'email'))
), '[]'::jsonb);
