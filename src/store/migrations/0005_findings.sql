CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"state" char(2) NOT NULL,
	"case_id" uuid,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"author" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "findings_state_time" ON "findings" USING btree ("state","created_at");