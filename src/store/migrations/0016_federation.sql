CREATE TABLE "federation_inbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_party" text NOT NULL,
	"kind" text NOT NULL,
	"stream" text NOT NULL,
	"seq" integer NOT NULL,
	"envelope" jsonb NOT NULL,
	"jws" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"applied_at" timestamp with time zone,
	"refusal" text
);
--> statement-breakpoint
CREATE TABLE "federation_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"to_party" text NOT NULL,
	"kind" text NOT NULL,
	"stream" text NOT NULL,
	"seq" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"receipt" jsonb,
	"received_at" timestamp with time zone,
	"receipt_jws" text
);
--> statement-breakpoint
CREATE TABLE "federation_pings" (
	"party" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"last_n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "federation_streams" (
	"direction" text NOT NULL,
	"party" text NOT NULL,
	"stream" text NOT NULL,
	"seq" integer NOT NULL,
	CONSTRAINT "federation_streams_direction_party_stream_pk" PRIMARY KEY("direction","party","stream")
);
--> statement-breakpoint
CREATE TABLE "relocation_exchange" (
	"transfer_id" uuid PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"peer" char(2) NOT NULL,
	"proposal_received_at" timestamp with time zone,
	"reasons" text,
	"case_id" uuid,
	"arrived_at" timestamp with time zone,
	"not_appeared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "responsibility_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"state" char(2) NOT NULL,
	"from_state" char(2) NOT NULL,
	"kind" text NOT NULL,
	"case_ref" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"deadline_kind" text NOT NULL,
	"criterion" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hit" jsonb,
	"detained" boolean DEFAULT false NOT NULL,
	"person" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"reasons" text,
	"transfer_at" timestamp with time zone,
	CONSTRAINT "responsibility_requests_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "union_figures" (
	"state" char(2) NOT NULL,
	"month" text NOT NULL,
	"body" jsonb NOT NULL,
	"message_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "union_figures_state_month_pk" PRIMARY KEY("state","month")
);
--> statement-breakpoint
CREATE TABLE "union_figures_sent" (
	"month" text PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "relocation_exchange" ADD CONSTRAINT "relocation_exchange_transfer_id_relocation_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."relocation_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "federation_inbox_stream_seq" ON "federation_inbox" USING btree ("from_party","stream","seq");--> statement-breakpoint
CREATE INDEX "federation_inbox_status" ON "federation_inbox" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "federation_outbox_stream_seq" ON "federation_outbox" USING btree ("to_party","stream","seq");--> statement-breakpoint
CREATE INDEX "federation_outbox_due" ON "federation_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "relocation_exchange_peer" ON "relocation_exchange" USING btree ("peer","direction");--> statement-breakpoint
CREATE INDEX "responsibility_requests_state_due" ON "responsibility_requests" USING btree ("state","status","due_at");