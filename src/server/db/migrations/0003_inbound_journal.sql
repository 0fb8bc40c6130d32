CREATE TABLE "inbound_journal" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"message_sid" text NOT NULL,
	"params" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_journal_sid_unique" ON "inbound_journal" USING btree ("message_sid");--> statement-breakpoint
CREATE INDEX "inbound_journal_due_idx" ON "inbound_journal" USING btree ("next_attempt_at","id");