-- AlterTable
ALTER TABLE "selection_call" ADD COLUMN     "decided_at" TIMESTAMPTZ(6),
ADD COLUMN     "decided_by" UUID,
ADD COLUMN     "decided_total_fen" BIGINT;

-- AlterTable
ALTER TABLE "selection_submission" ADD COLUMN     "decided_category" TEXT,
ADD COLUMN     "decided_cost_fen" BIGINT,
ADD COLUMN     "decided_rank" INTEGER,
ADD COLUMN     "departure_reason" TEXT,
ADD COLUMN     "departures" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Hand-written: what the database itself holds to (constraints.test.ts).
ALTER TABLE "selection_call"
    ADD CONSTRAINT "selection_call_decided_complete"
        CHECK (("decided_at" IS NULL) = ("decided_by" IS NULL)),
    ADD CONSTRAINT "selection_call_decided_total_nonnegative"
        CHECK ("decided_total_fen" IS NULL OR "decided_total_fen" >= 0);
ALTER TABLE "selection_submission"
    ADD CONSTRAINT "selection_submission_decided_category_valid"
        CHECK ("decided_category" IS NULL OR "decided_category" IN ('A', 'B', 'C')),
    ADD CONSTRAINT "selection_submission_decided_complete"
        CHECK ("status" NOT IN ('selected', 'not-selected') OR "decided_cost_fen" >= 0),
    ADD CONSTRAINT "selection_submission_departure_has_reason"
        CHECK (cardinality("departures") = 0 OR "departure_reason" IS NOT NULL);
