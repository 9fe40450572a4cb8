CREATE TABLE "import_encounters" (
	"encounter_id" uuid PRIMARY KEY NOT NULL,
	"batch" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_encounters" ADD CONSTRAINT "import_encounters_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_encounters_batch" ON "import_encounters" USING btree ("batch");