-- AlterTable
ALTER TABLE "notice_batch" ADD COLUMN     "call_id" UUID;

-- AlterTable
ALTER TABLE "notice_item" ADD COLUMN     "submission_id" UUID,
ALTER COLUMN "application_id" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "notice_batch_call_id_idx" ON "notice_batch"("call_id");

-- CreateIndex
CREATE INDEX "notice_item_submission_id_idx" ON "notice_item"("submission_id");

-- CreateIndex
CREATE UNIQUE INDEX "notice_item_batch_id_submission_id_key" ON "notice_item"("batch_id", "submission_id");

-- AddForeignKey
ALTER TABLE "notice_batch" ADD CONSTRAINT "notice_batch_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "selection_call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_item" ADD CONSTRAINT "notice_item_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "selection_submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what the database itself holds to (constraints.test.ts).
ALTER TABLE "notice_item"
    ADD CONSTRAINT "notice_item_lists_one" CHECK (num_nonnulls("application_id", "submission_id") = 1);
-- A selection's notice may be withdrawn (an objection upheld, the list decided again); who and when
-- are kept in closed_by / closed_at, as for a closed one.
ALTER TABLE "notice_batch" DROP CONSTRAINT "notice_batch_status_valid",
    ADD CONSTRAINT "notice_batch_status_valid"
        CHECK ("status" IN ('draft', 'published', 'closed', 'withdrawn')),
    DROP CONSTRAINT "notice_batch_closed_complete",
    ADD CONSTRAINT "notice_batch_closed_complete" CHECK (
        "status" NOT IN ('closed', 'withdrawn') OR ("closed_by" IS NOT NULL AND "closed_at" IS NOT NULL)),
    ADD CONSTRAINT "notice_batch_withdrawn_is_selection"
        CHECK ("status" <> 'withdrawn' OR "call_id" IS NOT NULL);
