-- The person's guarantees and remedies (issue #17): vulnerability, minors, detention, interview, remedies,
-- withdrawal, the border procedure in a crisis, national emergency measures. Each part below is headed by its
-- module (src/domain/guarantees/).
SELECT 1;
--> statement-breakpoint
-- minors: a representative's unaccompanied minors are counted at each appointment (APR Art. 23;
-- src/store/guarantees-minors.ts): the cases naming a representative or an interim person, by reference
CREATE INDEX IF NOT EXISTS cases_representation_ref ON cases
  ((coalesce(data -> 'representation' -> 'representative' ->> 'ref', data -> 'representation' -> 'interim' ->> 'ref')))
  WHERE data ? 'representation';
