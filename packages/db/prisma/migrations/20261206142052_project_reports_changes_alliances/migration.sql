-- CreateTable
CREATE TABLE "project_report" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "body" JSONB NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "submissions" INTEGER NOT NULL DEFAULT 1,
    "submitted_by" UUID NOT NULL,
    "submitted_at" TIMESTAMPTZ(6) NOT NULL,
    "reviewed_by" UUID,
    "reviewed_at" TIMESTAMPTZ(6),
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "project_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_change" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT NOT NULL,
    "months" INTEGER,
    "termination_reason" TEXT,
    "end_on_before" TEXT,
    "end_on_after" TEXT,
    "requested_by" UUID NOT NULL,
    "requested_at" TIMESTAMPTZ(6) NOT NULL,
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(6),
    "decision_comment" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "project_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alliance" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "field_code" TEXT NOT NULL,
    "lead_organisation_id" UUID NOT NULL,
    "area_code" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "charter_file_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "comment" TEXT,
    "submitted_by" UUID NOT NULL,
    "decided_by" UUID,
    "approved_at" TIMESTAMPTZ(6),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "alliance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alliance_member" (
    "id" UUID NOT NULL,
    "alliance_id" UUID NOT NULL,
    "organisation_id" UUID,
    "name" TEXT NOT NULL,
    "unit_type" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "alliance_member_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "project_report_status_kind_idx" ON "project_report"("status", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "project_report_project_id_kind_key" ON "project_report"("project_id", "kind");

-- CreateIndex
CREATE INDEX "project_change_project_id_requested_at_idx" ON "project_change"("project_id", "requested_at");

-- CreateIndex
CREATE INDEX "project_change_status_idx" ON "project_change"("status");

-- CreateIndex
CREATE UNIQUE INDEX "alliance_number_key" ON "alliance"("number");

-- CreateIndex
CREATE INDEX "alliance_status_area_code_idx" ON "alliance"("status", "area_code");

-- CreateIndex
CREATE INDEX "alliance_lead_organisation_id_idx" ON "alliance"("lead_organisation_id");

-- CreateIndex
CREATE INDEX "alliance_member_organisation_id_idx" ON "alliance_member"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "alliance_member_alliance_id_position_key" ON "alliance_member"("alliance_id", "position");

-- AddForeignKey
ALTER TABLE "project_report" ADD CONSTRAINT "project_report_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_change" ADD CONSTRAINT "project_change_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alliance" ADD CONSTRAINT "alliance_lead_organisation_id_fkey" FOREIGN KEY ("lead_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alliance_member" ADD CONSTRAINT "alliance_member_alliance_id_fkey" FOREIGN KEY ("alliance_id") REFERENCES "alliance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alliance_member" ADD CONSTRAINT "alliance_member_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the kinds and statuses the domain knows; an extension names its months, a
-- termination its reason; a decided request names who decided; one pending request per project.
ALTER TABLE "project_report"
    ADD CONSTRAINT "project_report_kind_valid" CHECK ("kind" IN ('mid-term', 'final')),
    ADD CONSTRAINT "project_report_status_valid" CHECK (
        "status" IN ('submitted', 'returned', 'passed', 'failed')),
    ADD CONSTRAINT "project_report_reviewed_complete" CHECK (
        ("reviewed_at" IS NULL) = ("reviewed_by" IS NULL)
        AND ("status" IN ('submitted') OR "reviewed_at" IS NOT NULL)),
    ADD CONSTRAINT "project_report_counts_positive" CHECK ("version" >= 1 AND "submissions" >= 1);

ALTER TABLE "project_change"
    ADD CONSTRAINT "project_change_kind_valid" CHECK ("kind" IN ('extension', 'change', 'termination')),
    ADD CONSTRAINT "project_change_status_valid" CHECK ("status" IN ('pending', 'approved', 'rejected')),
    ADD CONSTRAINT "project_change_extension_months" CHECK (
        ("kind" = 'extension') = ("months" IS NOT NULL) AND ("months" IS NULL OR "months" > 0)),
    ADD CONSTRAINT "project_change_termination_reason" CHECK (
        ("kind" = 'termination') = ("termination_reason" IS NOT NULL)),
    ADD CONSTRAINT "project_change_decided_complete" CHECK (
        ("decided_at" IS NULL) = ("decided_by" IS NULL)
        AND ("status" = 'pending') = ("decided_at" IS NULL));

CREATE UNIQUE INDEX "project_change_one_pending" ON "project_change"("project_id") WHERE "status" = 'pending';

ALTER TABLE "alliance"
    ADD CONSTRAINT "alliance_status_valid" CHECK (
        "status" IN ('submitted', 'returned', 'approved', 'dissolved')),
    ADD CONSTRAINT "alliance_approved_complete" CHECK (
        "status" NOT IN ('approved', 'dissolved') OR ("approved_at" IS NOT NULL AND "decided_by" IS NOT NULL)),
    ADD CONSTRAINT "alliance_version_positive" CHECK ("version" >= 1);

ALTER TABLE "alliance_member"
    ADD CONSTRAINT "alliance_member_position_positive" CHECK ("position" >= 1);
