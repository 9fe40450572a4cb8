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
CREATE UNIQUE INDEX "federation_inbox_stream_seq" ON "federation_inbox" USING btree ("from_party","stream","seq");--> statement-breakpoint
CREATE INDEX "federation_inbox_status" ON "federation_inbox" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "federation_outbox_stream_seq" ON "federation_outbox" USING btree ("to_party","stream","seq");--> statement-breakpoint
CREATE INDEX "federation_outbox_due" ON "federation_outbox" USING btree ("status","next_attempt_at");