CREATE TABLE "account_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"username" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"data" jsonb NOT NULL,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision" text
);
--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "scopes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "failed_logins" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "account_requests_pending" ON "account_requests" USING btree ("jurisdiction","expires_at");--> statement-breakpoint
-- API tokens issued before scopes and expiry keep working for 90 days with every scope (then expire)
UPDATE "credentials" SET "scopes" = '{read,write,export}'::text[], "expires_at" = now() + interval '90 days' WHERE "kind" = 'api-token' AND "revoked_at" IS NULL AND "expires_at" IS NULL;
