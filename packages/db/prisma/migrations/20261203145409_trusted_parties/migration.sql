-- Trusted parties (issue 10): organisation verification, memberships and invitations, claims,
-- bank accounts, the document library, verified qualifications, official lists and 免申即享.
-- Existing data is kept: owners become administrators, bank details become the active account,
-- and the organisations of the demo seed are verified (see the hand-written part at the end).

-- DropForeignKey
ALTER TABLE "application_evidence" DROP CONSTRAINT "application_evidence_file_id_fkey";

-- AlterTable (the owner and bank columns are dropped at the end, after their data is moved)
ALTER TABLE "organisation" ADD COLUMN     "legal_representative" TEXT,
ADD COLUMN     "verification_status" TEXT NOT NULL DEFAULT 'unverified',
ADD COLUMN     "verified_at" TIMESTAMPTZ(6),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "researcher" ADD COLUMN     "institution_link_decided_at" TIMESTAMPTZ(6),
ADD COLUMN     "institution_link_decided_by" UUID,
ADD COLUMN     "institution_link_status" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN     "institution_org_id" UUID;

-- AlterTable
ALTER TABLE "application_evidence" ADD COLUMN     "bank_account_id" UUID,
ADD COLUMN     "document_id" UUID,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'upload',
ALTER COLUMN "file_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "organisation_member" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "origin" TEXT NOT NULL,
    "invited_by" UUID,
    "joined_at" TIMESTAMPTZ(6) NOT NULL,
    "ended_at" TIMESTAMPTZ(6),
    "end_reason" TEXT,
    "ended_by" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "organisation_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation_invite" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "used_by" UUID,
    "used_at" TIMESTAMPTZ(6),
    "revoked_by" UUID,
    "revoked_at" TIMESTAMPTZ(6),

    CONSTRAINT "organisation_invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation_verification" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "submitted_by" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "licence_kind" TEXT NOT NULL,
    "licence_file_id" UUID NOT NULL,
    "legal_rep_name" TEXT NOT NULL,
    "applicant_role" TEXT NOT NULL,
    "authorisation_file_id" UUID,
    "name" TEXT NOT NULL,
    "credit_code" TEXT NOT NULL,
    "type" "OrganisationType" NOT NULL,
    "area_code" TEXT NOT NULL,
    "flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(6),
    "decision_reason" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "organisation_verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation_change" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "requested_by" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "changes" JSONB NOT NULL,
    "previous" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "licence_file_id" UUID NOT NULL,
    "area_code" TEXT NOT NULL,
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(6),
    "decision_reason" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "organisation_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation_claim" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "claimant_user_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "licence_kind" TEXT NOT NULL,
    "licence_file_id" UUID NOT NULL,
    "authority_file_id" UUID,
    "legal_rep_name" TEXT NOT NULL,
    "claimant_role" TEXT NOT NULL,
    "claimant_name" TEXT NOT NULL,
    "claimant_phone" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(6),
    "decision_reason" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "organisation_claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation_bank_account" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "holder" TEXT NOT NULL,
    "bank_name" TEXT NOT NULL,
    "branch_name" TEXT NOT NULL,
    "account_no" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "replaced_at" TIMESTAMPTZ(6),

    CONSTRAINT "organisation_bank_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation_document" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "file_id" UUID NOT NULL,
    "valid_until" DATE,
    "status" TEXT NOT NULL DEFAULT 'current',
    "uploaded_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "superseded_at" TIMESTAMPTZ(6),

    CONSTRAINT "organisation_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation_qualification" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "level" TEXT,
    "source" TEXT NOT NULL,
    "document_no" TEXT NOT NULL,
    "recognised_on" DATE NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "list_entry_id" UUID,
    "verified_by" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "organisation_qualification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "official_list_import" (
    "id" UUID NOT NULL,
    "list_kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "file_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'preview',
    "row_count" INTEGER NOT NULL,
    "counts" JSONB NOT NULL,
    "imported_by" UUID NOT NULL,
    "committed_by" UUID,
    "committed_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "official_list_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "official_list_row" (
    "id" UUID NOT NULL,
    "import_id" UUID NOT NULL,
    "row_number" INTEGER NOT NULL,
    "raw" JSONB NOT NULL,
    "credit_code" TEXT,
    "name" TEXT,
    "entry_key" TEXT,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "organisation_id" UUID,

    CONSTRAINT "official_list_row_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "official_list_entry" (
    "id" UUID NOT NULL,
    "list_kind" TEXT NOT NULL,
    "entry_key" TEXT NOT NULL,
    "import_id" UUID NOT NULL,
    "credit_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "document_no" TEXT NOT NULL,
    "recognised_on" DATE NOT NULL,
    "level" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "organisation_id" UUID,
    "matched_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "official_list_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exemption_invitation" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "list_entry_id" UUID NOT NULL,
    "rule_id" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'invited',
    "application_id" UUID,
    "confirmed_by" UUID,
    "confirmed_at" TIMESTAMPTZ(6),
    "closed_reason" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "exemption_invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "organisation_member_organisation_id_status_idx" ON "organisation_member"("organisation_id", "status");

-- CreateIndex
CREATE INDEX "organisation_member_user_id_status_idx" ON "organisation_member"("user_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_invite_code_hash_key" ON "organisation_invite"("code_hash");

-- CreateIndex
CREATE INDEX "organisation_invite_organisation_id_idx" ON "organisation_invite"("organisation_id");

-- CreateIndex
CREATE INDEX "organisation_verification_organisation_id_idx" ON "organisation_verification"("organisation_id");

-- CreateIndex
CREATE INDEX "organisation_verification_status_area_code_idx" ON "organisation_verification"("status", "area_code");

-- CreateIndex
CREATE INDEX "organisation_change_organisation_id_idx" ON "organisation_change"("organisation_id");

-- CreateIndex
CREATE INDEX "organisation_change_status_area_code_idx" ON "organisation_change"("status", "area_code");

-- CreateIndex
CREATE INDEX "organisation_claim_organisation_id_idx" ON "organisation_claim"("organisation_id");

-- CreateIndex
CREATE INDEX "organisation_claim_claimant_user_id_idx" ON "organisation_claim"("claimant_user_id");

-- CreateIndex
CREATE INDEX "organisation_claim_status_area_code_idx" ON "organisation_claim"("status", "area_code");

-- CreateIndex
CREATE INDEX "organisation_bank_account_organisation_id_status_idx" ON "organisation_bank_account"("organisation_id", "status");

-- CreateIndex
CREATE INDEX "organisation_document_organisation_id_kind_status_idx" ON "organisation_document"("organisation_id", "kind", "status");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_qualification_list_entry_id_key" ON "organisation_qualification"("list_entry_id");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_qualification_organisation_id_kind_document_no_key" ON "organisation_qualification"("organisation_id", "kind", "document_no");

-- CreateIndex
CREATE INDEX "official_list_import_list_kind_created_at_idx" ON "official_list_import"("list_kind", "created_at");

-- CreateIndex
CREATE INDEX "official_list_row_import_id_outcome_idx" ON "official_list_row"("import_id", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "official_list_row_import_id_row_number_key" ON "official_list_row"("import_id", "row_number");

-- CreateIndex
CREATE INDEX "official_list_entry_credit_code_idx" ON "official_list_entry"("credit_code");

-- CreateIndex
CREATE INDEX "official_list_entry_organisation_id_idx" ON "official_list_entry"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "official_list_entry_list_kind_entry_key_key" ON "official_list_entry"("list_kind", "entry_key");

-- CreateIndex
CREATE UNIQUE INDEX "exemption_invitation_application_id_key" ON "exemption_invitation"("application_id");

-- CreateIndex
CREATE INDEX "exemption_invitation_organisation_id_status_idx" ON "exemption_invitation"("organisation_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "exemption_invitation_list_entry_id_rule_id_key" ON "exemption_invitation"("list_entry_id", "rule_id");

-- CreateIndex
CREATE INDEX "organisation_verification_state_idx" ON "organisation"("verification_status", "area_code");

-- AddForeignKey
ALTER TABLE "organisation_member" ADD CONSTRAINT "organisation_member_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_member" ADD CONSTRAINT "organisation_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_invite" ADD CONSTRAINT "organisation_invite_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_verification" ADD CONSTRAINT "organisation_verification_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_verification" ADD CONSTRAINT "organisation_verification_licence_file_id_fkey" FOREIGN KEY ("licence_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_verification" ADD CONSTRAINT "organisation_verification_authorisation_file_id_fkey" FOREIGN KEY ("authorisation_file_id") REFERENCES "stored_file"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_change" ADD CONSTRAINT "organisation_change_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_change" ADD CONSTRAINT "organisation_change_licence_file_id_fkey" FOREIGN KEY ("licence_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_claim" ADD CONSTRAINT "organisation_claim_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_claim" ADD CONSTRAINT "organisation_claim_claimant_user_id_fkey" FOREIGN KEY ("claimant_user_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_claim" ADD CONSTRAINT "organisation_claim_licence_file_id_fkey" FOREIGN KEY ("licence_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_claim" ADD CONSTRAINT "organisation_claim_authority_file_id_fkey" FOREIGN KEY ("authority_file_id") REFERENCES "stored_file"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_bank_account" ADD CONSTRAINT "organisation_bank_account_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_document" ADD CONSTRAINT "organisation_document_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_document" ADD CONSTRAINT "organisation_document_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_qualification" ADD CONSTRAINT "organisation_qualification_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_qualification" ADD CONSTRAINT "organisation_qualification_list_entry_id_fkey" FOREIGN KEY ("list_entry_id") REFERENCES "official_list_entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "official_list_import" ADD CONSTRAINT "official_list_import_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "official_list_row" ADD CONSTRAINT "official_list_row_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "official_list_import"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "official_list_entry" ADD CONSTRAINT "official_list_entry_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "official_list_import"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "official_list_entry" ADD CONSTRAINT "official_list_entry_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exemption_invitation" ADD CONSTRAINT "exemption_invitation_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exemption_invitation" ADD CONSTRAINT "exemption_invitation_list_entry_id_fkey" FOREIGN KEY ("list_entry_id") REFERENCES "official_list_entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exemption_invitation" ADD CONSTRAINT "exemption_invitation_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "researcher" ADD CONSTRAINT "researcher_institution_org_id_fkey" FOREIGN KEY ("institution_org_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_evidence" ADD CONSTRAINT "application_evidence_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_evidence" ADD CONSTRAINT "application_evidence_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "organisation_document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_evidence" ADD CONSTRAINT "application_evidence_bank_account_id_fkey" FOREIGN KEY ("bank_account_id") REFERENCES "organisation_bank_account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written (CHECKs and partial unique indexes are listed in test/migrations.test.ts).
-- ---------------------------------------------------------------------------------------------

-- Data: every owner becomes the administrator of their organisation.
INSERT INTO "organisation_member"
    ("id", "organisation_id", "user_id", "role", "status", "origin", "joined_at", "created_at", "updated_at")
SELECT gen_random_uuid(), "id", "owner_user_id", 'admin', 'active', 'migrated', "created_at", "created_at", "updated_at"
FROM "organisation" WHERE "owner_user_id" IS NOT NULL;

-- Data: bank details become the active 收款账户. The old single field held bank and branch
-- together (中国工商银行宿州分行营业部); split after the first 银行 where there is one.
INSERT INTO "organisation_bank_account"
    ("id", "organisation_id", "holder", "bank_name", "branch_name", "account_no", "status", "created_by", "created_at")
SELECT gen_random_uuid(), o."id", o."bank_account_holder",
       CASE WHEN strpos(o."bank_name", '银行') > 0
            THEN left(o."bank_name", strpos(o."bank_name", '银行') + 1) ELSE o."bank_name" END,
       CASE WHEN strpos(o."bank_name", '银行') > 0
                 AND length(o."bank_name") > strpos(o."bank_name", '银行') + 1
            THEN substr(o."bank_name", strpos(o."bank_name", '银行') + 2) ELSE o."bank_name" END,
       o."bank_account_no", 'active',
       COALESCE(o."owner_user_id", '00000000-0000-0000-0000-000000000000'::uuid), o."updated_at"
FROM "organisation" o
WHERE o."bank_account_holder" IS NOT NULL AND o."bank_name" IS NOT NULL
  AND o."bank_account_no" ~ '^[0-9]{8,32}$';

-- Data: the demo seed's organisations were entered by the bureau: they are verified.
UPDATE "organisation" SET "verification_status" = 'verified', "verified_at" = "created_at"
WHERE "credit_code" IN ('91341300MA2N8H4QXE', '91341302MA2P3K7D51', '91341321MA2MXC5135',
    '91341322MA2RB6T81F', '52341323MJB042170H', '91341324MA2T0L936Q', '12341300MB1957066X',
    '91341300MA8U2E6W8T');

ALTER TABLE "organisation" DROP CONSTRAINT "organisation_owner_user_id_fkey";
DROP INDEX "organisation_owner_user_id_key";
ALTER TABLE "organisation" DROP COLUMN "bank_account_holder",
    DROP COLUMN "bank_account_no",
    DROP COLUMN "bank_name",
    DROP COLUMN "owner_user_id";

ALTER TABLE "organisation"
    ADD CONSTRAINT "organisation_verification_status_valid" CHECK (
        "verification_status" IN ('unverified', 'pending', 'verified', 'rejected')),
    ADD CONSTRAINT "organisation_verified_has_time" CHECK (
        "verification_status" <> 'verified' OR "verified_at" IS NOT NULL),
    ADD CONSTRAINT "organisation_version_positive" CHECK ("version" > 0);

ALTER TABLE "researcher"
    ADD CONSTRAINT "researcher_institution_link_valid" CHECK (
        "institution_link_status" IN ('none', 'pending', 'confirmed', 'rejected')
        AND ("institution_link_status" = 'none') = ("institution_org_id" IS NULL));

ALTER TABLE "organisation_member"
    ADD CONSTRAINT "organisation_member_role_valid" CHECK ("role" IN ('admin', 'agent')),
    ADD CONSTRAINT "organisation_member_status_valid" CHECK ("status" IN ('active', 'ended')),
    ADD CONSTRAINT "organisation_member_origin_valid" CHECK (
        "origin" IN ('registered', 'invited', 'claim', 'migrated')),
    ADD CONSTRAINT "organisation_member_ended_complete" CHECK (
        ("status" = 'ended') = ("ended_at" IS NOT NULL AND "end_reason" IS NOT NULL)),
    ADD CONSTRAINT "organisation_member_end_reason_valid" CHECK (
        "end_reason" IS NULL OR "end_reason" IN ('left', 'removed', 'claim-upheld'));
-- One organisation at a time per person.
CREATE UNIQUE INDEX "organisation_member_one_active_per_user"
    ON "organisation_member" ("user_id") WHERE "status" = 'active';

ALTER TABLE "organisation_invite"
    ADD CONSTRAINT "organisation_invite_role_valid" CHECK ("role" IN ('admin', 'agent')),
    ADD CONSTRAINT "organisation_invite_used_complete" CHECK (
        ("used_by" IS NULL) = ("used_at" IS NULL)),
    ADD CONSTRAINT "organisation_invite_revoked_complete" CHECK (
        ("revoked_by" IS NULL) = ("revoked_at" IS NULL)),
    ADD CONSTRAINT "organisation_invite_expiry_after_creation" CHECK ("expires_at" > "created_at");

ALTER TABLE "organisation_verification"
    ADD CONSTRAINT "organisation_verification_status_valid" CHECK (
        "status" IN ('pending', 'verified', 'rejected', 'withdrawn')),
    ADD CONSTRAINT "organisation_verification_licence_kind_valid" CHECK (
        "licence_kind" IN ('business-licence', 'institution-certificate')),
    ADD CONSTRAINT "organisation_verification_role_valid" CHECK (
        "applicant_role" IN ('legal-representative', 'manager', 'staff')),
    ADD CONSTRAINT "organisation_verification_authorised" CHECK (
        "applicant_role" = 'legal-representative' OR "authorisation_file_id" IS NOT NULL),
    ADD CONSTRAINT "organisation_verification_decided_complete" CHECK (
        ("status" IN ('verified', 'rejected')) = ("decided_by" IS NOT NULL AND "decided_at" IS NOT NULL)
        AND ("status" <> 'rejected' OR "decision_reason" IS NOT NULL));
CREATE UNIQUE INDEX "organisation_verification_one_pending"
    ON "organisation_verification" ("organisation_id") WHERE "status" = 'pending';

ALTER TABLE "organisation_change"
    ADD CONSTRAINT "organisation_change_status_valid" CHECK (
        "status" IN ('pending', 'approved', 'rejected', 'withdrawn')),
    ADD CONSTRAINT "organisation_change_decided_complete" CHECK (
        ("status" IN ('approved', 'rejected')) = ("decided_by" IS NOT NULL AND "decided_at" IS NOT NULL)
        AND ("status" <> 'rejected' OR "decision_reason" IS NOT NULL));
CREATE UNIQUE INDEX "organisation_change_one_pending"
    ON "organisation_change" ("organisation_id") WHERE "status" = 'pending';

ALTER TABLE "organisation_claim"
    ADD CONSTRAINT "organisation_claim_status_valid" CHECK (
        "status" IN ('pending', 'upheld', 'rejected', 'withdrawn')),
    ADD CONSTRAINT "organisation_claim_licence_kind_valid" CHECK (
        "licence_kind" IN ('business-licence', 'institution-certificate')),
    ADD CONSTRAINT "organisation_claim_role_valid" CHECK (
        "claimant_role" IN ('legal-representative', 'manager', 'staff')),
    ADD CONSTRAINT "organisation_claim_authorised" CHECK (
        "claimant_role" = 'legal-representative' OR "authority_file_id" IS NOT NULL),
    ADD CONSTRAINT "organisation_claim_decided_complete" CHECK (
        ("status" IN ('upheld', 'rejected')) = ("decided_by" IS NOT NULL AND "decided_at" IS NOT NULL)
        AND ("status" NOT IN ('upheld', 'rejected') OR "decision_reason" IS NOT NULL));
CREATE UNIQUE INDEX "organisation_claim_one_pending"
    ON "organisation_claim" ("organisation_id", "claimant_user_id") WHERE "status" = 'pending';

ALTER TABLE "organisation_bank_account"
    ADD CONSTRAINT "organisation_bank_account_status_valid" CHECK ("status" IN ('active', 'replaced')),
    ADD CONSTRAINT "organisation_bank_account_number_digits" CHECK ("account_no" ~ '^[0-9]{8,32}$'),
    ADD CONSTRAINT "organisation_bank_account_replaced_complete" CHECK (
        ("status" = 'replaced') = ("replaced_at" IS NOT NULL));
CREATE UNIQUE INDEX "organisation_bank_account_one_active"
    ON "organisation_bank_account" ("organisation_id") WHERE "status" = 'active';

ALTER TABLE "organisation_document"
    ADD CONSTRAINT "organisation_document_status_valid" CHECK ("status" IN ('current', 'superseded')),
    ADD CONSTRAINT "organisation_document_superseded_complete" CHECK (
        ("status" = 'superseded') = ("superseded_at" IS NOT NULL));
CREATE UNIQUE INDEX "organisation_document_one_current"
    ON "organisation_document" ("organisation_id", "kind") WHERE "status" = 'current';

ALTER TABLE "organisation_qualification"
    ADD CONSTRAINT "organisation_qualification_source_valid" CHECK (
        "source" IN ('official-list', 'officer')),
    ADD CONSTRAINT "organisation_qualification_from_list" CHECK (
        ("source" = 'official-list') = ("list_entry_id" IS NOT NULL));

ALTER TABLE "official_list_import"
    ADD CONSTRAINT "official_list_import_status_valid" CHECK (
        "status" IN ('preview', 'committed', 'discarded')),
    ADD CONSTRAINT "official_list_import_committed_complete" CHECK (
        ("status" = 'committed') = ("committed_by" IS NOT NULL AND "committed_at" IS NOT NULL));

ALTER TABLE "official_list_row"
    ADD CONSTRAINT "official_list_row_outcome_valid" CHECK (
        "outcome" IN ('matched', 'unmatched', 'conflict', 'invalid', 'unchanged'));

ALTER TABLE "exemption_invitation"
    ADD CONSTRAINT "exemption_invitation_status_valid" CHECK (
        "status" IN ('invited', 'confirmed', 'declined', 'void')),
    ADD CONSTRAINT "exemption_invitation_confirmed_complete" CHECK (
        ("status" = 'confirmed') = ("application_id" IS NOT NULL AND "confirmed_by" IS NOT NULL
                                    AND "confirmed_at" IS NOT NULL));

ALTER TABLE "application_evidence"
    ADD CONSTRAINT "application_evidence_source_valid" CHECK (
        "source" IN ('upload', 'library', 'official-list', 'bank-account', 'e-commitment')),
    ADD CONSTRAINT "application_evidence_backed" CHECK (
        CASE "source"
            WHEN 'library' THEN "file_id" IS NOT NULL AND "document_id" IS NOT NULL
            WHEN 'bank-account' THEN "file_id" IS NULL AND "bank_account_id" IS NOT NULL
            WHEN 'e-commitment' THEN "file_id" IS NULL AND "note" IS NOT NULL
            ELSE "file_id" IS NOT NULL
        END);
