-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UserKind" AS ENUM ('APPLICANT', 'OFFICER');

-- CreateEnum
CREATE TYPE "OfficerRole" AS ENUM ('BUREAU_ADMIN', 'BUREAU_REVIEWER', 'AREA_OFFICER', 'FINANCE_OFFICER');

-- CreateEnum
CREATE TYPE "OrganisationType" AS ENUM ('FIRM', 'UNIVERSITY', 'INSTITUTE', 'INCUBATOR');

-- CreateTable
CREATE TABLE "user" (
    "id" UUID NOT NULL,
    "kind" "UserKind" NOT NULL,
    "openid" TEXT,
    "username" TEXT,
    "password_hash" TEXT,
    "display_name" TEXT NOT NULL,
    "role" "OfficerRole",
    "area_code" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(6),
    "last_login_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(6),
    "user_agent" TEXT,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation" (
    "id" UUID NOT NULL,
    "type" "OrganisationType" NOT NULL,
    "name" TEXT NOT NULL,
    "credit_code" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "address" TEXT,
    "field_codes" TEXT[],
    "sub_field_codes" TEXT[],
    "qualifications" TEXT[],
    "contact_name" TEXT NOT NULL,
    "contact_phone" TEXT NOT NULL,
    "intro" TEXT,
    "owner_user_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "researcher" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "resident_id_hash" TEXT NOT NULL,
    "resident_id_masked" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "sex" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "institution_name" TEXT NOT NULL,
    "institution_credit_code" TEXT,
    "title" TEXT NOT NULL,
    "field_codes" TEXT[],
    "sub_field_codes" TEXT[],
    "expertise" TEXT NOT NULL,
    "preferred_area_codes" TEXT[],
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "researcher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" UUID,
    "actor_role" TEXT,
    "action" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "object_id" TEXT,
    "area_code" TEXT,
    "details" JSONB NOT NULL,
    "ip" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_openid_key" ON "user"("openid");

-- CreateIndex
CREATE UNIQUE INDEX "user_username_key" ON "user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_hash_key" ON "session"("token_hash");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_credit_code_key" ON "organisation"("credit_code");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_owner_user_id_key" ON "organisation"("owner_user_id");

-- CreateIndex
CREATE INDEX "organisation_area_code_idx" ON "organisation"("area_code");

-- CreateIndex
CREATE INDEX "organisation_type_idx" ON "organisation"("type");

-- CreateIndex
CREATE UNIQUE INDEX "researcher_user_id_key" ON "researcher"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "researcher_resident_id_hash_key" ON "researcher"("resident_id_hash");

-- CreateIndex
CREATE INDEX "audit_log_actor_user_id_at_idx" ON "audit_log"("actor_user_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_object_type_object_id_idx" ON "audit_log"("object_type", "object_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "researcher" ADD CONSTRAINT "researcher_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: audit_log is append-only. Any UPDATE or DELETE (and TRUNCATE) raises.
-- Retention, if ever needed, is done by a privileged maintenance job that drops the trigger
-- inside its own transaction, never by the application.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_log_no_update_delete"
    BEFORE UPDATE OR DELETE ON "audit_log"
    FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

CREATE TRIGGER "audit_log_no_truncate"
    BEFORE TRUNCATE ON "audit_log"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
