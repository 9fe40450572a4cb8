CREATE TABLE "statistics_daily" (
	"state" char(2) NOT NULL,
	"day" date NOT NULL,
	"grouping" text NOT NULL,
	"grp" text,
	"metric" text NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_rollup_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"audit_seq" bigint NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "statistics_daily_state_grouping_day" ON "statistics_daily" USING btree ("state","grouping","day");