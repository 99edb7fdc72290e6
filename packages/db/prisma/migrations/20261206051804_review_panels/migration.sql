-- AlterTable
ALTER TABLE "selection_submission" ADD COLUMN     "panel_id" UUID;

-- CreateTable
CREATE TABLE "review_panel" (
    "id" UUID NOT NULL,
    "call_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "field_code" TEXT NOT NULL,
    "seeds" TEXT[],
    "settings_version" TEXT NOT NULL,
    "pool" TEXT[],
    "status" TEXT NOT NULL DEFAULT 'scoring',
    "created_by" UUID NOT NULL,
    "closed_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "review_panel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_assignment" (
    "id" UUID NOT NULL,
    "panel_id" UUID NOT NULL,
    "expert_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "decline_reason" TEXT,
    "responded_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "review_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_score" (
    "id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "conflict" BOOLEAN NOT NULL,
    "conflict_reason" TEXT,
    "scores" JSONB,
    "total" INTEGER,
    "comment" TEXT,
    "submitted_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "review_score_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "review_panel_call_id_idx" ON "review_panel"("call_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_assignment_panel_id_expert_id_key" ON "review_assignment"("panel_id", "expert_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_assignment_panel_id_position_key" ON "review_assignment"("panel_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "review_score_assignment_id_submission_id_key" ON "review_score"("assignment_id", "submission_id");

-- AddForeignKey
ALTER TABLE "selection_submission" ADD CONSTRAINT "selection_submission_panel_id_fkey" FOREIGN KEY ("panel_id") REFERENCES "review_panel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_panel" ADD CONSTRAINT "review_panel_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "selection_call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_assignment" ADD CONSTRAINT "review_assignment_panel_id_fkey" FOREIGN KEY ("panel_id") REFERENCES "review_panel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_assignment" ADD CONSTRAINT "review_assignment_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "expert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_score" ADD CONSTRAINT "review_score_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "review_assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_score" ADD CONSTRAINT "review_score_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "selection_submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what the database itself holds to (constraints.test.ts).
ALTER TABLE "review_panel"
    ADD CONSTRAINT "review_panel_status_valid" CHECK ("status" IN ('scoring', 'closed')),
    ADD CONSTRAINT "review_panel_closed_complete" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL)),
    ADD CONSTRAINT "review_panel_seeded" CHECK (cardinality("seeds") >= 1);
ALTER TABLE "review_assignment"
    ADD CONSTRAINT "review_assignment_status_valid"
        CHECK ("status" IN ('invited', 'accepted', 'declined', 'reserve'));
-- A sheet is either a conflict with its reason, or scores with their total.
ALTER TABLE "review_score"
    ADD CONSTRAINT "review_score_complete" CHECK (
        ("conflict" AND "conflict_reason" IS NOT NULL AND "scores" IS NULL AND "total" IS NULL)
        OR (NOT "conflict" AND "scores" IS NOT NULL AND "total" BETWEEN 0 AND 100));
