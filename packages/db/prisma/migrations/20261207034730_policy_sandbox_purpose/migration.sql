-- AlterTable
ALTER TABLE "policy_sandbox_run" ADD COLUMN     "notified_count" INTEGER,
ADD COLUMN     "purpose" TEXT NOT NULL DEFAULT 'officer';

-- Hand-written: the two kinds of run, and the count only an adoption run has.
ALTER TABLE "policy_sandbox_run" ADD CONSTRAINT "policy_sandbox_run_purpose_check" CHECK (
  "purpose" IN ('officer', 'adoption')
  AND ("notified_count" IS NULL OR ("purpose" = 'adoption' AND "notified_count" >= 0))
);
