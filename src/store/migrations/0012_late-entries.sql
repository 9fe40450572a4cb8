ALTER TABLE "obligations" ADD COLUMN "closed_recorded_at" timestamp with time zone;--> statement-breakpoint
-- Security issue #14, finding 2 (src/domain/entry-rules.ts). The closing action's recording time of the
-- obligations closed before this column existed: the first action of the case stated at the closing time.
UPDATE "obligations" o SET "closed_recorded_at" = (
  SELECT min(a."recorded_at") FROM "case_actions" a WHERE a."case_id" = o."case_id" AND a."at" = o."closed_at"
) WHERE o."closed_at" IS NOT NULL;--> statement-breakpoint
-- Deadlines read as met that the rule judges missed: closed after their passing was recorded (the reported
-- attack), or recorded more than the 60-minute tolerance after the due time.
UPDATE "obligations" SET "status" = 'missed'
WHERE "status" = 'met' AND ("missed_recorded_at" IS NOT NULL
  OR "closed_recorded_at" > "due_at" + interval '60 minutes');--> statement-breakpoint
-- Each case's current state keeps the latest stated time of its log (no command may be dated before it).
UPDATE "cases" c SET "data" = jsonb_set(c."data", '{lastActionAt}', to_jsonb(
  to_char(l."at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
FROM (SELECT "case_id", max("at") AS "at" FROM "case_actions" GROUP BY "case_id") l
WHERE l."case_id" = c."id";
