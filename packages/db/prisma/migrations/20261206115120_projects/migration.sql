-- AlterTable
ALTER TABLE "selection_submission" ADD COLUMN     "need_id" UUID;

-- CreateTable
CREATE TABLE "project" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "call_id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "area_code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "field_code" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'contracting',
    "contract" JSONB NOT NULL,
    "settings_version" TEXT NOT NULL,
    "signed_by" UUID,
    "signed_at" TIMESTAMPTZ(6),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "project_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "project_number_key" ON "project"("number");

-- CreateIndex
CREATE UNIQUE INDEX "project_submission_id_key" ON "project"("submission_id");

-- CreateIndex
CREATE INDEX "project_status_area_code_idx" ON "project"("status", "area_code");

-- CreateIndex
CREATE INDEX "project_organisation_id_idx" ON "project"("organisation_id");

-- AddForeignKey
ALTER TABLE "selection_submission" ADD CONSTRAINT "selection_submission_need_id_fkey" FOREIGN KEY ("need_id") REFERENCES "innovation_need"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "selection_call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "selection_submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the statuses the domain knows (PROJECT_STATUSES); a signed project names who
-- signed and when; versions count up from 1.
ALTER TABLE "project"
    ADD CONSTRAINT "project_status_valid" CHECK (
        "status" IN ('contracting', 'in-progress', 'accepting', 'completed', 'terminated')),
    ADD CONSTRAINT "project_signed_complete" CHECK (
        ("signed_at" IS NULL) = ("signed_by" IS NULL)
        AND ("status" = 'contracting' OR "status" = 'terminated' OR "signed_at" IS NOT NULL)),
    ADD CONSTRAINT "project_version_positive" CHECK ("version" >= 1);
