ALTER TABLE "encounters" ADD COLUMN "force_kind_other" text;--> statement-breakpoint
-- "Which force was used" becomes a closed list (src/domain/vocabulary.ts FORCE_KINDS, issue #14 finding 7).
-- A kind recorded before as free text that is not exactly a value of the list becomes 'other', its text
-- kept as the other text (the audit hash binds an 'other' by that text: src/store/audit.ts encounterHash).
UPDATE "encounters" SET "force_kind_other" = "force_kind", "force_kind" = 'other'
  WHERE "force_kind" IS NOT NULL
    AND "force_kind" NOT IN ('physical', 'handcuffs', 'baton', 'irritant-spray', 'service-dog', 'firearm-drawn', 'firearm-discharged', 'other');
