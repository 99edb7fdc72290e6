-- CreateIndex
CREATE INDEX "audit_log_area_code_at_idx" ON "audit_log"("area_code", "at");

-- CreateIndex
CREATE INDEX "researcher_created_at_id_idx" ON "researcher"("created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "application_organisation_id_idx" ON "application"("organisation_id");

-- CreateIndex
CREATE INDEX "application_researcher_id_idx" ON "application"("researcher_id");

-- CreateIndex
CREATE INDEX "application_once_keys_idx" ON "application" USING GIN ("once_keys");

-- Hand-written below: what Prisma cannot model (an extension, operator classes, a WHERE).
-- packages/db/test/migrations.test.ts lists each as hand-written.

-- Trigram indexes serve `LIKE '%…%'` (Prisma's `contains`) on the officers' keyword searches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The review queue: every submitted application in submission order, paged by (submitted_at, id).
CREATE INDEX "application_queue_submitted_idx" ON "application"("submitted_at", "id") WHERE "status" <> 'draft';
-- The same, newest first (the list's 提交时间 column sorted descending).
CREATE INDEX "application_queue_submitted_desc_idx" ON "application"("submitted_at" DESC NULLS LAST, "id") WHERE "status" <> 'draft';

-- The review queue's keyword: application number, applicant organisation or researcher name.
CREATE INDEX "application_number_trgm_idx" ON "application" USING GIN ("number" gin_trgm_ops);
CREATE INDEX "organisation_name_trgm_idx" ON "organisation" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "researcher_name_trgm_idx" ON "researcher" USING GIN ("name" gin_trgm_ops);
