-- Every timestamp the app writes comes from its one injected clock (ApiDeps.now), never from the
-- database's clock: an insert that forgets one now fails (NOT NULL) instead of silently taking
-- the server's time, which a test clock or a moved date would disagree with (issue 10).

-- AlterTable
ALTER TABLE "user" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "session" ALTER COLUMN "created_at" DROP DEFAULT,
ALTER COLUMN "last_seen_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "organisation" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "researcher" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "audit_log" ALTER COLUMN "at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "stored_file" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "application" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "application_evidence" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "application_event" ALTER COLUMN "at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "award_once_key" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "programme_budget" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "conflict_of_interest" ALTER COLUMN "declared_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "notice_batch" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "notice_item" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "objection" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "disbursement_batch" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "disbursement" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "ledger_entry" ALTER COLUMN "at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "idempotency_record" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "vp_call" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "vp_need" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "vp_candidate" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "vp_pair_rule" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "vp_match_run" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "vp_secondment" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "vp_work_log" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "vp_result" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "vp_evaluation" ALTER COLUMN "created_at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "notification" ALTER COLUMN "created_at" DROP DEFAULT;
