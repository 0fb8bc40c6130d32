CREATE TABLE "early_status_callbacks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"twilio_sid" text NOT NULL,
	"account_id" uuid NOT NULL,
	"status" text NOT NULL,
	"error_code" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "conversations_open_unique";--> statement-breakpoint
ALTER TABLE "early_status_callbacks" ADD CONSTRAINT "early_status_callbacks_account_id_whatsapp_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."whatsapp_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "early_status_callbacks_sid_idx" ON "early_status_callbacks" USING btree ("twilio_sid");--> statement-breakpoint
CREATE INDEX "early_status_callbacks_received_idx" ON "early_status_callbacks" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_open_unique" ON "conversations" USING btree ("account_id","business_number","customer_wa_id") WHERE "conversations"."status" = 'open';