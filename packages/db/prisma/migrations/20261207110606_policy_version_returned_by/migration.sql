-- AlterTable
ALTER TABLE "policy_version" ADD COLUMN     "returned_at" TIMESTAMPTZ(6),
ADD COLUMN     "returned_by" UUID,
ADD COLUMN     "withdrawn_by" UUID;

-- Hand-written: who sent a version back and when are told together, or not at all.
ALTER TABLE "policy_version" ADD CONSTRAINT "policy_version_returned_check" CHECK (
  ("returned_by" IS NULL) = ("returned_at" IS NULL)
);
