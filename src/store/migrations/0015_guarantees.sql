-- The person's guarantees and remedies (issue #17): vulnerability, minors, detention, interview, remedies,
-- withdrawal, the border procedure in a crisis, national emergency measures. Each part below is headed by its
-- module (src/domain/guarantees/).
SELECT 1;
