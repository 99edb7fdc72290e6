-- AlterTable
ALTER TABLE "review_panel" ADD COLUMN     "departure_reason" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'call',
ADD COLUMN     "project_report_id" UUID,
ADD COLUMN     "report_round" INTEGER,
ALTER COLUMN "call_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "acceptance_verdict" (
    "id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "conflict" BOOLEAN NOT NULL,
    "conflict_reason" TEXT,
    "verdict" TEXT,
    "comment" TEXT,
    "submitted_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "acceptance_verdict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "acceptance_verdict_assignment_id_key" ON "acceptance_verdict"("assignment_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_panel_project_report_id_report_round_key" ON "review_panel"("project_report_id", "report_round");

-- AddForeignKey
ALTER TABLE "review_panel" ADD CONSTRAINT "review_panel_project_report_id_fkey" FOREIGN KEY ("project_report_id") REFERENCES "project_report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "acceptance_verdict" ADD CONSTRAINT "acceptance_verdict_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "review_assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a panel is a call's group or a final report's acceptance panel (验收专家组),
-- never both; a verdict is a declared conflict with its reason, or one of the verdicts with a
-- comment unless it is 通过 (ACCEPTANCE_VERDICTS).
ALTER TABLE "review_panel"
    ADD CONSTRAINT "review_panel_kind_valid" CHECK (
        ("kind" = 'call' AND "call_id" IS NOT NULL AND "project_report_id" IS NULL
            AND "report_round" IS NULL AND "departure_reason" IS NULL)
        OR ("kind" = 'acceptance' AND "call_id" IS NULL AND "project_report_id" IS NOT NULL
            AND "report_round" >= 1));

ALTER TABLE "acceptance_verdict"
    ADD CONSTRAINT "acceptance_verdict_complete" CHECK (
        ("conflict" AND "conflict_reason" IS NOT NULL AND "verdict" IS NULL AND "comment" IS NULL)
        OR (NOT "conflict" AND "conflict_reason" IS NULL
            AND "verdict" IN ('pass', 'revise', 'fail')
            AND ("verdict" = 'pass' OR "comment" IS NOT NULL)));
