-- AlterTable
ALTER TABLE "organisation" ADD COLUMN     "bank_account_holder" TEXT,
ADD COLUMN     "bank_account_no" TEXT,
ADD COLUMN     "bank_name" TEXT;

-- CreateTable
CREATE TABLE "stored_file" (
    "id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "mime_type" TEXT NOT NULL,
    "original_name" TEXT NOT NULL,
    "owner_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "number_counter" (
    "scope" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last_value" INTEGER NOT NULL,

    CONSTRAINT "number_counter_pkey" PRIMARY KEY ("scope","year")
);

-- CreateTable
CREATE TABLE "application" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "applicant_user_id" UUID NOT NULL,
    "organisation_id" UUID,
    "researcher_id" UUID,
    "rule_id" TEXT NOT NULL,
    "policy_set_id" TEXT NOT NULL,
    "policy_version" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "input" JSONB NOT NULL,
    "area_code" TEXT,
    "year" INTEGER NOT NULL,
    "computed_amount_fen" BIGINT,
    "approved_amount_fen" BIGINT,
    "override_reason" TEXT,
    "explanation" JSONB,
    "once_keys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "item_key" TEXT,
    "submitted_at" TIMESTAMPTZ(6),
    "decided_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_evidence" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "file_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_event" (
    "id" BIGSERIAL NOT NULL,
    "application_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" UUID,
    "actor_role" TEXT,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "comment" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "application_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "award_once_key" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "application_id" UUID NOT NULL,
    "rule_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "award_once_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_budget" (
    "id" UUID NOT NULL,
    "rule_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "budget_fen" BIGINT NOT NULL,
    "committed_fen" BIGINT NOT NULL DEFAULT 0,
    "paid_fen" BIGINT NOT NULL DEFAULT 0,
    "approved_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "programme_budget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conflict_of_interest" (
    "id" UUID NOT NULL,
    "officer_user_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "declared_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conflict_of_interest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_batch" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "published_on" DATE,
    "ends_on" DATE,
    "working_days" INTEGER NOT NULL DEFAULT 5,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by" UUID,
    "published_at" TIMESTAMPTZ(6),
    "closed_by" UUID,
    "closed_at" TIMESTAMPTZ(6),
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "notice_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_item" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'listed',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "notice_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objection" (
    "id" UUID NOT NULL,
    "notice_item_id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL,
    "objector" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "resolution" TEXT,
    "resolved_by" UUID,
    "resolved_at" TIMESTAMPTZ(6),
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disbursement_batch" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "total_fen" BIGINT NOT NULL DEFAULT 0,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_by" UUID,
    "confirmed_at" TIMESTAMPTZ(6),
    "paid_by" UUID,
    "paid_at" TIMESTAMPTZ(6),
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "disbursement_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disbursement" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "payee_name" TEXT,
    "payee_bank_name" TEXT,
    "payee_account_no" TEXT,
    "paid_at" TIMESTAMPTZ(6),
    "bank_reference" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "disbursement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rule_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "application_id" UUID NOT NULL,
    "approval_round" INTEGER NOT NULL DEFAULT 1,
    "disbursement_id" UUID,
    "kind" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "actor_user_id" UUID,
    "note" TEXT,

    CONSTRAINT "ledger_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_record" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "actor_user_id" UUID NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stored_file_sha256_idx" ON "stored_file"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "stored_file_owner_user_id_sha256_key" ON "stored_file"("owner_user_id", "sha256");

-- CreateIndex
CREATE UNIQUE INDEX "application_number_key" ON "application"("number");

-- CreateIndex
CREATE INDEX "application_status_area_code_idx" ON "application"("status", "area_code");

-- CreateIndex
CREATE INDEX "application_rule_id_year_status_idx" ON "application"("rule_id", "year", "status");

-- CreateIndex
CREATE INDEX "application_applicant_user_id_idx" ON "application"("applicant_user_id");

-- CreateIndex
CREATE INDEX "application_rule_id_item_key_idx" ON "application"("rule_id", "item_key");

-- CreateIndex
CREATE INDEX "application_evidence_file_id_idx" ON "application_evidence"("file_id");

-- CreateIndex
CREATE UNIQUE INDEX "application_evidence_application_id_file_id_key" ON "application_evidence"("application_id", "file_id");

-- CreateIndex
CREATE INDEX "application_event_application_id_id_idx" ON "application_event"("application_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "award_once_key_key_key" ON "award_once_key"("key");

-- CreateIndex
CREATE INDEX "award_once_key_application_id_idx" ON "award_once_key"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "programme_budget_rule_id_year_key" ON "programme_budget"("rule_id", "year");

-- CreateIndex
CREATE INDEX "conflict_of_interest_organisation_id_idx" ON "conflict_of_interest"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "conflict_of_interest_officer_user_id_organisation_id_key" ON "conflict_of_interest"("officer_user_id", "organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "notice_batch_number_key" ON "notice_batch"("number");

-- CreateIndex
CREATE INDEX "notice_batch_status_idx" ON "notice_batch"("status");

-- CreateIndex
CREATE INDEX "notice_item_application_id_idx" ON "notice_item"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "notice_item_batch_id_application_id_key" ON "notice_item"("batch_id", "application_id");

-- CreateIndex
CREATE INDEX "objection_notice_item_id_idx" ON "objection"("notice_item_id");

-- CreateIndex
CREATE INDEX "objection_status_idx" ON "objection"("status");

-- CreateIndex
CREATE UNIQUE INDEX "disbursement_batch_number_key" ON "disbursement_batch"("number");

-- CreateIndex
CREATE INDEX "disbursement_batch_status_idx" ON "disbursement_batch"("status");

-- CreateIndex
CREATE UNIQUE INDEX "disbursement_application_id_key" ON "disbursement"("application_id");

-- CreateIndex
CREATE INDEX "disbursement_batch_id_idx" ON "disbursement"("batch_id");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entry_disbursement_id_key" ON "ledger_entry"("disbursement_id");

-- CreateIndex
CREATE INDEX "ledger_entry_rule_id_year_idx" ON "ledger_entry"("rule_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entry_application_id_kind_approval_round_key" ON "ledger_entry"("application_id", "kind", "approval_round");

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_record_key_key" ON "idempotency_record"("key");

-- CreateIndex
CREATE INDEX "idempotency_record_created_at_idx" ON "idempotency_record"("created_at");

-- AddForeignKey
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_applicant_user_id_fkey" FOREIGN KEY ("applicant_user_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_researcher_id_fkey" FOREIGN KEY ("researcher_id") REFERENCES "researcher"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_evidence" ADD CONSTRAINT "application_evidence_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_evidence" ADD CONSTRAINT "application_evidence_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_event" ADD CONSTRAINT "application_event_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award_once_key" ADD CONSTRAINT "award_once_key_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_of_interest" ADD CONSTRAINT "conflict_of_interest_officer_user_id_fkey" FOREIGN KEY ("officer_user_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_of_interest" ADD CONSTRAINT "conflict_of_interest_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_item" ADD CONSTRAINT "notice_item_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "notice_batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_item" ADD CONSTRAINT "notice_item_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection" ADD CONSTRAINT "objection_notice_item_id_fkey" FOREIGN KEY ("notice_item_id") REFERENCES "notice_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disbursement" ADD CONSTRAINT "disbursement_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "disbursement_batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disbursement" ADD CONSTRAINT "disbursement_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_disbursement_id_fkey" FOREIGN KEY ("disbursement_id") REFERENCES "disbursement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: what schema.prisma cannot say. test/migrations.test.ts lists every CHECK
-- constraint and trigger below; add new ones there too.
-- ---------------------------------------------------------------------------------------------

-- Files
ALTER TABLE "stored_file"
    ADD CONSTRAINT "stored_file_size_nonnegative" CHECK ("size_bytes" >= 0),
    ADD CONSTRAINT "stored_file_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$');

ALTER TABLE "number_counter"
    ADD CONSTRAINT "number_counter_positive" CHECK ("last_value" >= 1);

-- Applications: status codes are @kc/domain APPLICATION_STATUSES (a test keeps them in step).
ALTER TABLE "application"
    ADD CONSTRAINT "application_status_valid" CHECK ("status" IN (
        'draft', 'submitted', 'area-review', 'bureau-review', 'returned', 'approved', 'rejected',
        'withdrawn', 'in-notice', 'notice-passed', 'in-disbursement', 'paid')),
    ADD CONSTRAINT "application_amounts_nonnegative" CHECK (
        ("computed_amount_fen" IS NULL OR "computed_amount_fen" >= 0)
        AND ("approved_amount_fen" IS NULL OR "approved_amount_fen" >= 0)),
    -- An approved amount other than the computed one needs a written reason.
    ADD CONSTRAINT "application_override_has_reason" CHECK (
        "approved_amount_fen" IS NULL
        OR "approved_amount_fen" IS NOT DISTINCT FROM "computed_amount_fen"
        OR NULLIF(BTRIM("override_reason"), '') IS NOT NULL),
    -- Approved (and everything after it) always has an approved amount and a decision time.
    ADD CONSTRAINT "application_awarded_has_amount" CHECK (
        "status" NOT IN ('approved', 'in-notice', 'notice-passed', 'in-disbursement', 'paid')
        OR ("approved_amount_fen" IS NOT NULL AND "decided_at" IS NOT NULL)),
    ADD CONSTRAINT "application_version_positive" CHECK ("version" >= 1),
    ADD CONSTRAINT "application_year_plausible" CHECK ("year" BETWEEN 2000 AND 2100);

-- Budgets: nothing committed or paid beyond the budget, no negative amounts. Approvals and
-- payments lock the row (SELECT … FOR UPDATE); this is the backstop if code ever forgets.
ALTER TABLE "programme_budget"
    ADD CONSTRAINT "programme_budget_nonnegative" CHECK (
        "budget_fen" >= 0 AND "committed_fen" >= 0 AND "paid_fen" >= 0 AND "approved_count" >= 0),
    ADD CONSTRAINT "programme_budget_within_budget" CHECK (
        "committed_fen" + "paid_fen" <= "budget_fen");

-- Public notice
ALTER TABLE "notice_batch"
    ADD CONSTRAINT "notice_batch_status_valid" CHECK ("status" IN ('draft', 'published', 'closed')),
    ADD CONSTRAINT "notice_batch_working_days_positive" CHECK ("working_days" >= 1),
    ADD CONSTRAINT "notice_batch_published_complete" CHECK (
        "status" = 'draft'
        OR ("published_on" IS NOT NULL AND "ends_on" IS NOT NULL
            AND "published_by" IS NOT NULL AND "published_at" IS NOT NULL)),
    ADD CONSTRAINT "notice_batch_closed_complete" CHECK (
        "status" <> 'closed' OR ("closed_by" IS NOT NULL AND "closed_at" IS NOT NULL)),
    ADD CONSTRAINT "notice_batch_dates_ordered" CHECK (
        "published_on" IS NULL OR "ends_on" IS NULL OR "ends_on" > "published_on");

ALTER TABLE "notice_item"
    ADD CONSTRAINT "notice_item_status_valid" CHECK (
        "status" IN ('listed', 'objected', 'kept', 'pulled'));

ALTER TABLE "objection"
    ADD CONSTRAINT "objection_status_valid" CHECK ("status" IN ('open', 'upheld', 'dismissed')),
    ADD CONSTRAINT "objection_resolved_complete" CHECK (
        "status" = 'open'
        OR ("resolution" IS NOT NULL AND "resolved_by" IS NOT NULL AND "resolved_at" IS NOT NULL));

-- Payment
ALTER TABLE "disbursement_batch"
    ADD CONSTRAINT "disbursement_batch_status_valid" CHECK (
        "status" IN ('draft', 'confirmed', 'paid')),
    ADD CONSTRAINT "disbursement_batch_total_nonnegative" CHECK ("total_fen" >= 0),
    ADD CONSTRAINT "disbursement_batch_confirmed_complete" CHECK (
        "status" = 'draft' OR ("confirmed_by" IS NOT NULL AND "confirmed_at" IS NOT NULL)),
    ADD CONSTRAINT "disbursement_batch_paid_complete" CHECK (
        "status" <> 'paid' OR ("paid_by" IS NOT NULL AND "paid_at" IS NOT NULL));

ALTER TABLE "disbursement"
    ADD CONSTRAINT "disbursement_status_valid" CHECK ("status" IN ('pending', 'paid', 'failed')),
    ADD CONSTRAINT "disbursement_amount_positive" CHECK ("amount_fen" > 0),
    ADD CONSTRAINT "disbursement_paid_complete" CHECK ("status" <> 'paid' OR "paid_at" IS NOT NULL);

ALTER TABLE "ledger_entry"
    ADD CONSTRAINT "ledger_entry_kind_valid" CHECK ("kind" IN ('commit', 'release', 'payment')),
    ADD CONSTRAINT "ledger_entry_amount_positive" CHECK ("amount_fen" > 0),
    ADD CONSTRAINT "ledger_entry_round_positive" CHECK ("approval_round" >= 1),
    -- A payment names its disbursement; commits and releases never do.
    ADD CONSTRAINT "ledger_entry_payment_has_disbursement" CHECK (
        ("kind" = 'payment') = ("disbursement_id" IS NOT NULL));

-- The timeline and the ledger are append-only, like audit_log (whose trigger is untouched).
CREATE FUNCTION "append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "application_event_no_update_delete"
    BEFORE UPDATE OR DELETE ON "application_event"
    FOR EACH ROW EXECUTE FUNCTION "append_only"();

CREATE TRIGGER "application_event_no_truncate"
    BEFORE TRUNCATE ON "application_event"
    FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();

CREATE TRIGGER "ledger_entry_no_update_delete"
    BEFORE UPDATE OR DELETE ON "ledger_entry"
    FOR EACH ROW EXECUTE FUNCTION "append_only"();

CREATE TRIGGER "ledger_entry_no_truncate"
    BEFORE TRUNCATE ON "ledger_entry"
    FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
