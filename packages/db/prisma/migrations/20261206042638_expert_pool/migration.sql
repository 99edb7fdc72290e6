-- CreateTable
CREATE TABLE "expert" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL,
    "unit_credit_code" TEXT,
    "field_codes" TEXT[],
    "sub_field_codes" TEXT[],
    "expertise" TEXT NOT NULL,
    "conflicts" TEXT[],
    "status" TEXT NOT NULL DEFAULT 'pending',
    "status_reason" TEXT,
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(6),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "expert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "expert_user_id_key" ON "expert"("user_id");

-- CreateIndex
CREATE INDEX "expert_status_created_at_id_idx" ON "expert"("status", "created_at" DESC, "id");

-- AddForeignKey
ALTER TABLE "expert" ADD CONSTRAINT "expert_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what the database itself holds to (constraints.test.ts style).
ALTER TABLE "expert" ADD CONSTRAINT "expert_status_valid"
    CHECK ("status" IN ('pending', 'active', 'suspended', 'rejected'));
-- A rejected or suspended expert is told why.
ALTER TABLE "expert" ADD CONSTRAINT "expert_refused_has_reason"
    CHECK ("status" NOT IN ('rejected', 'suspended') OR "status_reason" IS NOT NULL);
-- The draw matches experts by field: an expert without one could never be drawn.
ALTER TABLE "expert" ADD CONSTRAINT "expert_has_field" CHECK (cardinality("field_codes") >= 1);
