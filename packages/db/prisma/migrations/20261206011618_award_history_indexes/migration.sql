-- DropIndex
DROP INDEX "application_once_keys_idx";

-- Hand-written below: partial indexes (Prisma cannot model a WHERE clause).
-- packages/db/test/migrations.test.ts lists them; award-history.test.ts holds their predicate
-- equal to the domain's AWARDED_STATUSES.
--
-- The award history (packages/api/src/awards/history.ts), read by every submission and approval,
-- asks only for awarded applications: the applicant's own, those sharing a once-only key, and the
-- year's count per programme. Over all applications the full GIN index on once_keys took an entry
-- for every draft and submission (none of which the history reads), and the count walked every
-- application of the programme's year. These hold the awarded rows alone. fastupdate is off: few
-- rows enter, and a read never has to scan a pending list.
CREATE INDEX "application_awarded_once_keys_idx" ON "application" USING GIN ("once_keys")
  WITH (fastupdate = off)
  WHERE "status" IN ('approved', 'in-notice', 'notice-passed', 'in-disbursement', 'paid');
CREATE INDEX "application_awarded_rule_year_idx" ON "application" ("rule_id", "year")
  WHERE "status" IN ('approved', 'in-notice', 'notice-passed', 'in-disbursement', 'paid');
