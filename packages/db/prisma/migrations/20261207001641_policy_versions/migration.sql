-- CreateTable
CREATE TABLE "policy_version" (
    "id" TEXT NOT NULL,
    "base_id" TEXT NOT NULL,
    "amendment" JSONB NOT NULL,
    "checksum" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "effective_from" DATE,
    "consultation_id" UUID,
    "proposed_by" UUID NOT NULL,
    "adoption_requested_by" UUID,
    "adoption_requested_at" TIMESTAMPTZ(6),
    "adopted_by" UUID,
    "adopted_at" TIMESTAMPTZ(6),
    "return_reason" TEXT,
    "withdrawn_at" TIMESTAMPTZ(6),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "policy_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "policy_version_status_effective_from_idx" ON "policy_version"("status", "effective_from");

-- Hand-written: what the domain guarantees, held by the database too.
ALTER TABLE "policy_version" ADD CONSTRAINT "policy_version_status_check" CHECK (
  ("status" = 'proposed' AND "adopted_at" IS NULL)
  OR ("status" = 'awaiting-confirmation' AND "effective_from" IS NOT NULL AND "adoption_requested_by" IS NOT NULL AND "adopted_at" IS NULL)
  OR ("status" = 'adopted' AND "effective_from" IS NOT NULL AND "adoption_requested_by" IS NOT NULL
      AND "adopted_by" IS NOT NULL AND "adopted_at" IS NOT NULL
      AND "adopted_by" <> "adoption_requested_by")
  OR ("status" = 'withdrawn' AND "withdrawn_at" IS NOT NULL AND "adopted_at" IS NULL)
);
ALTER TABLE "policy_version" ADD CONSTRAINT "policy_version_checksum_hex" CHECK ("checksum" ~ '^[0-9a-f]{64}$');

-- Published versions are immutable: an adopted version is superseded by a newer one, never
-- edited or deleted; a withdrawn proposal stays as the record of what was weighed.
CREATE FUNCTION "policy_version_frozen"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD."status" IN ('adopted', 'withdrawn') THEN
        RAISE EXCEPTION 'policy_version %: an % version cannot be changed (%)', OLD."id", OLD."status", TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'policy_version %: versions are never deleted, only withdrawn', OLD."id"
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "policy_version_immutable"
    BEFORE UPDATE OR DELETE ON "policy_version"
    FOR EACH ROW EXECUTE FUNCTION "policy_version_frozen"();

CREATE TRIGGER "policy_version_no_truncate"
    BEFORE TRUNCATE ON "policy_version"
    FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
