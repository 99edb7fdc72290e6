-- CreateTable
CREATE TABLE "selection_call" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "guide" TEXT NOT NULL,
    "field_codes" TEXT[],
    "apply_from" DATE NOT NULL,
    "apply_until" DATE NOT NULL,
    "quota" INTEGER,
    "budget_fen" BIGINT,
    "rubric" JSONB NOT NULL,
    "settings_version" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by" UUID NOT NULL,
    "published_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "selection_call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "selection_submission" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "call_id" UUID NOT NULL,
    "applicant_user_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "area_code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "field_code" TEXT NOT NULL,
    "form" JSONB NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "check_comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submitted_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "selection_submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "selection_team_member" (
    "id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "unit_name" TEXT NOT NULL,
    "unit_credit_code" TEXT,
    "person_name" TEXT,
    "part" TEXT NOT NULL,
    "organisation_id" UUID,
    "confirmed_by" UUID,
    "confirmed_at" TIMESTAMPTZ(6),

    CONSTRAINT "selection_team_member_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "selection_call_number_key" ON "selection_call"("number");

-- CreateIndex
CREATE INDEX "selection_call_status_apply_until_idx" ON "selection_call"("status", "apply_until");

-- CreateIndex
CREATE UNIQUE INDEX "selection_submission_number_key" ON "selection_submission"("number");

-- CreateIndex
CREATE INDEX "selection_submission_call_id_status_idx" ON "selection_submission"("call_id", "status");

-- CreateIndex
CREATE INDEX "selection_submission_area_code_status_idx" ON "selection_submission"("area_code", "status");

-- CreateIndex
CREATE UNIQUE INDEX "selection_submission_call_id_organisation_id_key" ON "selection_submission"("call_id", "organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "selection_team_member_submission_id_position_key" ON "selection_team_member"("submission_id", "position");

-- AddForeignKey
ALTER TABLE "selection_submission" ADD CONSTRAINT "selection_submission_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "selection_call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selection_submission" ADD CONSTRAINT "selection_submission_applicant_user_id_fkey" FOREIGN KEY ("applicant_user_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selection_submission" ADD CONSTRAINT "selection_submission_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selection_team_member" ADD CONSTRAINT "selection_team_member_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "selection_submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: what the database itself holds to (constraints.test.ts).
ALTER TABLE "selection_call"
    ADD CONSTRAINT "selection_call_programme_valid"
        CHECK ("programme" IN ('scenario-case', 'key-project', 'disruptive-tech', 'talent-team')),
    ADD CONSTRAINT "selection_call_status_valid"
        CHECK ("status" IN ('draft', 'open', 'formal-review', 'expert-review', 'deciding', 'notice', 'concluded')),
    ADD CONSTRAINT "selection_call_dates_ordered" CHECK ("apply_from" <= "apply_until"),
    ADD CONSTRAINT "selection_call_quota_positive" CHECK ("quota" IS NULL OR "quota" > 0),
    ADD CONSTRAINT "selection_call_budget_nonnegative" CHECK ("budget_fen" IS NULL OR "budget_fen" >= 0),
    ADD CONSTRAINT "selection_call_published_complete"
        CHECK ("status" = 'draft' OR "published_at" IS NOT NULL);
ALTER TABLE "selection_submission"
    ADD CONSTRAINT "selection_submission_status_valid"
        CHECK ("status" IN ('draft', 'submitted', 'area-passed', 'returned', 'rejected', 'passed', 'selected', 'not-selected', 'withdrawn')),
    -- 退回 and 不予通过 always tell the applicant why.
    ADD CONSTRAINT "selection_submission_refusal_has_comment"
        CHECK ("status" NOT IN ('returned', 'rejected') OR "check_comment" IS NOT NULL),
    ADD CONSTRAINT "selection_submission_submitted_complete"
        CHECK ("status" IN ('draft', 'withdrawn') OR "submitted_at" IS NOT NULL);
ALTER TABLE "selection_team_member"
    ADD CONSTRAINT "selection_team_member_confirmed_complete"
        CHECK (("confirmed_at" IS NULL) = ("confirmed_by" IS NULL));
