-- AlterTable
ALTER TABLE "project_report" DROP COLUMN "evidence";

-- CreateTable
CREATE TABLE "project_report_file" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "file_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "project_report_file_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "project_report_file_file_id_idx" ON "project_report_file"("file_id");

-- CreateIndex
CREATE UNIQUE INDEX "project_report_file_report_id_file_id_key" ON "project_report_file"("report_id", "file_id");

-- CreateIndex
CREATE UNIQUE INDEX "project_report_file_report_id_position_key" ON "project_report_file"("report_id", "position");

-- AddForeignKey
ALTER TABLE "project_report_file" ADD CONSTRAINT "project_report_file_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "project_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_report_file" ADD CONSTRAINT "project_report_file_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the attachment kinds the domain knows (PROJECT_REPORT_ATTACHMENTS), positions
-- from 1.
ALTER TABLE "project_report_file"
    ADD CONSTRAINT "project_report_file_kind_valid" CHECK (
        "kind" IN ('report-document', 'financial-statement', 'supporting-material')),
    ADD CONSTRAINT "project_report_file_position_positive" CHECK ("position" >= 1);
