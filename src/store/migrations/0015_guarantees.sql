-- The person's guarantees and remedies (issue #17): vulnerability, minors, detention, interview, remedies,
-- withdrawal, the border procedure in a crisis, national emergency measures. Each part below is headed by its
-- module (src/domain/guarantees/).
SELECT 1;
--> statement-breakpoint

-- remedies: the national values the Pact leaves to a member state and that no published act gives yet
-- (APR Art. 67(7) appeal windows; shared/spec/pact-rules.md section 9): an administrator confirms them
-- (src/store/national-settings.ts). One row per state and name; each change is in the audit log.
CREATE TABLE IF NOT EXISTS national_settings (
  state text NOT NULL,
  name text NOT NULL,
  since date NOT NULL,
  value jsonb NOT NULL,
  source text NOT NULL,
  confirmed_by text NOT NULL,
  confirmed_at timestamptz NOT NULL,
  PRIMARY KEY (state, name)
);
