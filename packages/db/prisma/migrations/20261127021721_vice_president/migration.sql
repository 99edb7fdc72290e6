-- CreateTable
CREATE TABLE "vp_call" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "settings_version" TEXT NOT NULL,
    "needs_deadline" DATE NOT NULL,
    "applications_deadline" DATE NOT NULL,
    "reference_date" DATE NOT NULL,
    "notice_starts_on" DATE,
    "notice_ends_on" DATE,
    "confirmed_run_id" UUID,
    "input_revision" INTEGER NOT NULL DEFAULT 1,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "vp_call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vp_need" (
    "id" UUID NOT NULL,
    "call_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "area_code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "field_code" TEXT NOT NULL,
    "sub_field_code" TEXT,
    "problem" TEXT NOT NULL,
    "expertise_wanted" TEXT NOT NULL,
    "days_per_year" INTEGER NOT NULL,
    "positions" INTEGER NOT NULL,
    "investor_institutions" TEXT[],
    "prior_partners" TEXT[],
    "status" TEXT NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "vp_need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vp_candidate" (
    "id" UUID NOT NULL,
    "call_id" UUID NOT NULL,
    "researcher_id" UUID NOT NULL,
    "institution_kind" TEXT NOT NULL,
    "employment" TEXT NOT NULL,
    "contract_years" INTEGER,
    "priority_flags" TEXT[],
    "achievements" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "related_firm_credit_codes" TEXT[],
    "institution_name" TEXT NOT NULL,
    "institution_credit_code" TEXT,
    "field_codes" TEXT[],
    "sub_field_codes" TEXT[],
    "expertise" TEXT NOT NULL,
    "preferred_area_codes" TEXT[],
    "status" TEXT NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "vp_candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vp_pair_rule" (
    "id" UUID NOT NULL,
    "call_id" UUID NOT NULL,
    "need_id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vp_pair_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vp_match_run" (
    "id" UUID NOT NULL,
    "call_id" UUID NOT NULL,
    "run_no" INTEGER NOT NULL,
    "input_revision" INTEGER NOT NULL,
    "settings_version" TEXT NOT NULL,
    "total_score" INTEGER NOT NULL,
    "summary" JSONB NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vp_match_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vp_proposal" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "need_id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "breakdown" JSONB NOT NULL,
    "pinned" BOOLEAN NOT NULL,

    CONSTRAINT "vp_proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vp_secondment" (
    "id" UUID NOT NULL,
    "call_id" UUID NOT NULL,
    "need_id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "researcher_id" UUID NOT NULL,
    "area_code" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "agreement_file_id" UUID,
    "agreement_at" TIMESTAMPTZ(6),
    "start_date" DATE,
    "end_date" DATE,
    "ended_at" TIMESTAMPTZ(6),
    "end_reason" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "vp_secondment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vp_work_log" (
    "id" UUID NOT NULL,
    "secondment_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "days_on_site" INTEGER NOT NULL,
    "activities" TEXT NOT NULL,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "vp_work_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vp_result" (
    "id" UUID NOT NULL,
    "secondment_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "occurred_on" DATE NOT NULL,
    "contract_amount_fen" BIGINT,
    "quantity" INTEGER NOT NULL,
    "note" TEXT,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vp_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vp_evaluation" (
    "id" UUID NOT NULL,
    "secondment_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "grade" TEXT NOT NULL,
    "comment" TEXT,
    "evaluated_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vp_evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "vp_call_number_key" ON "vp_call"("number");

-- CreateIndex
CREATE UNIQUE INDEX "vp_call_confirmed_run_id_key" ON "vp_call"("confirmed_run_id");

-- CreateIndex
CREATE INDEX "vp_call_status_idx" ON "vp_call"("status");

-- CreateIndex
CREATE INDEX "vp_need_call_id_status_idx" ON "vp_need"("call_id", "status");

-- CreateIndex
CREATE INDEX "vp_need_organisation_id_idx" ON "vp_need"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "vp_candidate_call_id_researcher_id_key" ON "vp_candidate"("call_id", "researcher_id");

-- CreateIndex
CREATE INDEX "vp_pair_rule_call_id_idx" ON "vp_pair_rule"("call_id");

-- CreateIndex
CREATE UNIQUE INDEX "vp_pair_rule_need_id_candidate_id_key" ON "vp_pair_rule"("need_id", "candidate_id");

-- CreateIndex
CREATE UNIQUE INDEX "vp_match_run_call_id_run_no_key" ON "vp_match_run"("call_id", "run_no");

-- CreateIndex
CREATE INDEX "vp_proposal_candidate_id_idx" ON "vp_proposal"("candidate_id");

-- CreateIndex
CREATE UNIQUE INDEX "vp_proposal_run_id_need_id_candidate_id_key" ON "vp_proposal"("run_id", "need_id", "candidate_id");

-- CreateIndex
CREATE INDEX "vp_secondment_researcher_id_idx" ON "vp_secondment"("researcher_id");

-- CreateIndex
CREATE INDEX "vp_secondment_organisation_id_idx" ON "vp_secondment"("organisation_id");

-- CreateIndex
CREATE INDEX "vp_secondment_area_code_status_idx" ON "vp_secondment"("area_code", "status");

-- CreateIndex
CREATE UNIQUE INDEX "vp_secondment_call_id_need_id_candidate_id_key" ON "vp_secondment"("call_id", "need_id", "candidate_id");

-- CreateIndex
CREATE UNIQUE INDEX "vp_work_log_secondment_id_month_key" ON "vp_work_log"("secondment_id", "month");

-- CreateIndex
CREATE INDEX "vp_result_secondment_id_idx" ON "vp_result"("secondment_id");

-- CreateIndex
CREATE UNIQUE INDEX "vp_evaluation_secondment_id_year_key" ON "vp_evaluation"("secondment_id", "year");

-- AddForeignKey
ALTER TABLE "vp_call" ADD CONSTRAINT "vp_call_confirmed_run_id_fkey" FOREIGN KEY ("confirmed_run_id") REFERENCES "vp_match_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_need" ADD CONSTRAINT "vp_need_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "vp_call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_need" ADD CONSTRAINT "vp_need_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_candidate" ADD CONSTRAINT "vp_candidate_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "vp_call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_candidate" ADD CONSTRAINT "vp_candidate_researcher_id_fkey" FOREIGN KEY ("researcher_id") REFERENCES "researcher"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_pair_rule" ADD CONSTRAINT "vp_pair_rule_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "vp_call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_pair_rule" ADD CONSTRAINT "vp_pair_rule_need_id_fkey" FOREIGN KEY ("need_id") REFERENCES "vp_need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_pair_rule" ADD CONSTRAINT "vp_pair_rule_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "vp_candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_match_run" ADD CONSTRAINT "vp_match_run_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "vp_call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_proposal" ADD CONSTRAINT "vp_proposal_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "vp_match_run"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_proposal" ADD CONSTRAINT "vp_proposal_need_id_fkey" FOREIGN KEY ("need_id") REFERENCES "vp_need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_proposal" ADD CONSTRAINT "vp_proposal_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "vp_candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_secondment" ADD CONSTRAINT "vp_secondment_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "vp_call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_secondment" ADD CONSTRAINT "vp_secondment_need_id_fkey" FOREIGN KEY ("need_id") REFERENCES "vp_need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_secondment" ADD CONSTRAINT "vp_secondment_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "vp_candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_secondment" ADD CONSTRAINT "vp_secondment_agreement_file_id_fkey" FOREIGN KEY ("agreement_file_id") REFERENCES "stored_file"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_work_log" ADD CONSTRAINT "vp_work_log_secondment_id_fkey" FOREIGN KEY ("secondment_id") REFERENCES "vp_secondment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_result" ADD CONSTRAINT "vp_result_secondment_id_fkey" FOREIGN KEY ("secondment_id") REFERENCES "vp_secondment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vp_evaluation" ADD CONSTRAINT "vp_evaluation_secondment_id_fkey" FOREIGN KEY ("secondment_id") REFERENCES "vp_secondment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: what schema.prisma cannot say (listed in test/migrations.test.ts).
-- Status codes are @kc/domain VP_CALL_STATUSES / VP_SECONDMENT_STATUSES (a test keeps them in step).
-- ---------------------------------------------------------------------------------------------
ALTER TABLE "vp_call"
    ADD CONSTRAINT "vp_call_status_valid" CHECK ("status" IN (
        'open', 'collecting', 'matching', 'notice', 'confirmed', 'closed')),
    ADD CONSTRAINT "vp_call_year_plausible" CHECK ("year" BETWEEN 2000 AND 2100),
    ADD CONSTRAINT "vp_call_deadlines_ordered" CHECK ("applications_deadline" >= "needs_deadline"),
    -- A call past matching always names the run it confirmed, and its notice period.
    ADD CONSTRAINT "vp_call_confirmed_has_run" CHECK (
        "status" IN ('open', 'collecting', 'matching')
        OR ("confirmed_run_id" IS NOT NULL AND "notice_starts_on" IS NOT NULL
            AND "notice_ends_on" IS NOT NULL));

ALTER TABLE "vp_need"
    ADD CONSTRAINT "vp_need_status_valid" CHECK ("status" IN ('active', 'withdrawn')),
    ADD CONSTRAINT "vp_need_positions_positive" CHECK ("positions" BETWEEN 1 AND 10),
    ADD CONSTRAINT "vp_need_days_positive" CHECK ("days_per_year" BETWEEN 1 AND 366);

ALTER TABLE "vp_candidate"
    ADD CONSTRAINT "vp_candidate_status_valid" CHECK ("status" IN ('active', 'withdrawn')),
    ADD CONSTRAINT "vp_candidate_capacity_positive" CHECK ("capacity" BETWEEN 1 AND 10);

ALTER TABLE "vp_pair_rule"
    ADD CONSTRAINT "vp_pair_rule_kind_valid" CHECK ("kind" IN ('pin', 'forbid'));

ALTER TABLE "vp_proposal"
    ADD CONSTRAINT "vp_proposal_score_nonnegative" CHECK ("score" >= 0);

ALTER TABLE "vp_secondment"
    ADD CONSTRAINT "vp_secondment_status_valid" CHECK ("status" IN (
        'pending', 'active', 'completed', 'terminated', 'cancelled')),
    -- A running or finished term has its dates and its signed agreement.
    ADD CONSTRAINT "vp_secondment_active_complete" CHECK (
        "status" IN ('pending', 'cancelled')
        OR ("start_date" IS NOT NULL AND "end_date" IS NOT NULL
            AND "agreement_file_id" IS NOT NULL)),
    ADD CONSTRAINT "vp_secondment_dates_ordered" CHECK (
        "start_date" IS NULL OR "end_date" IS NULL OR "end_date" > "start_date"),
    ADD CONSTRAINT "vp_secondment_ended_has_reason" CHECK (
        "status" NOT IN ('terminated', 'cancelled', 'completed')
        OR ("ended_at" IS NOT NULL AND NULLIF(BTRIM("end_reason"), '') IS NOT NULL));

ALTER TABLE "vp_work_log"
    ADD CONSTRAINT "vp_work_log_month_format" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    ADD CONSTRAINT "vp_work_log_days_valid" CHECK ("days_on_site" BETWEEN 0 AND 31);

ALTER TABLE "vp_result"
    ADD CONSTRAINT "vp_result_amount_positive" CHECK (
        "contract_amount_fen" IS NULL OR "contract_amount_fen" > 0),
    ADD CONSTRAINT "vp_result_quantity_positive" CHECK ("quantity" >= 1);

ALTER TABLE "vp_evaluation"
    ADD CONSTRAINT "vp_evaluation_grade_valid" CHECK (
        "grade" IN ('excellent', 'qualified', 'unqualified')),
    ADD CONSTRAINT "vp_evaluation_unqualified_has_comment" CHECK (
        "grade" <> 'unqualified' OR NULLIF(BTRIM("comment"), '') IS NOT NULL);
