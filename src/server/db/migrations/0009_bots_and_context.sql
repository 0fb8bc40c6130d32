CREATE TABLE "bot_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"conversation_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "context_variables" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "bot_name" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "bot_active" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "bot_turns" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "bot_handoff" jsonb;--> statement-breakpoint
ALTER TABLE "workstreams" ADD COLUMN "bot_secret_sealed" text;--> statement-breakpoint
ALTER TABLE "bot_deliveries" ADD CONSTRAINT "bot_deliveries_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_deliveries" ADD CONSTRAINT "bot_deliveries_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bot_deliveries_message_unique" ON "bot_deliveries" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "bot_deliveries_order_idx" ON "bot_deliveries" USING btree ("conversation_id","seq");--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_bot_turns_check" CHECK ("conversations"."bot_turns" >= 0);--> statement-breakpoint
-- Session templates and smart assist are gone (docs/decisions/0025); quick replies were an on/off switch with no replies behind it: they become a list, empty.
UPDATE "workstreams" SET "settings" = jsonb_set("settings" #- '{advanced,sessionTemplate}' #- '{advanced,smartAssist}', '{advanced,quickReplies}', '[]'::jsonb);--> statement-breakpoint
-- A bot had a name and nothing to call: without an address it cannot take conversations, so it goes (the workstream's audit log keeps its name).
UPDATE "workstreams" SET "settings" = jsonb_set("settings", '{bot}', 'null'::jsonb) WHERE "settings"->'bot' IS NOT NULL AND "settings"->'bot' <> 'null'::jsonb AND NOT ("settings"->'bot' ? 'url');
