-- AlterTable
ALTER TABLE "notice_item" ADD COLUMN     "listed_category" TEXT,
ADD COLUMN     "listed_cost_fen" BIGINT;

-- Hand-written: a selection item carries what was published; an award item reads its application.
ALTER TABLE "notice_item"
    ADD CONSTRAINT "notice_item_listed_is_selection"
        CHECK ("listed_cost_fen" IS NULL OR "submission_id" IS NOT NULL);
