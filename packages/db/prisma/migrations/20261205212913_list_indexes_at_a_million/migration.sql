-- DropIndex
DROP INDEX "application_status_area_code_idx";

-- DropIndex
DROP INDEX "application_organisation_id_idx";

-- DropIndex
DROP INDEX "application_researcher_id_idx";

-- CreateIndex
CREATE INDEX "application_status_area_code_submitted_at_id_idx" ON "application"("status", "area_code", "submitted_at", "id");

-- CreateIndex
CREATE INDEX "application_organisation_id_status_idx" ON "application"("organisation_id", "status");

-- CreateIndex
CREATE INDEX "application_researcher_id_status_idx" ON "application"("researcher_id", "status");
