-- CreateTable
CREATE TABLE "policy_consultation" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "policy_set_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "opens_on" DATE NOT NULL,
    "closes_on" DATE NOT NULL,
    "short_reason" TEXT,
    "contact" JSONB NOT NULL,
    "note" TEXT,
    "feedback_summary" TEXT,
    "feedback_published_at" TIMESTAMPTZ(6),
    "feedback_published_by" UUID,
    "created_by" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "policy_consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_comment" (
    "id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "clause_id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "organisation_id" UUID,
    "organisation_name" TEXT,
    "body" TEXT NOT NULL,
    "outcome" TEXT,
    "reason" TEXT,
    "duplicate_of_id" UUID,
    "answered_by" UUID,
    "answered_at" TIMESTAMPTZ(6),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "policy_comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "policy_consultation_number_key" ON "policy_consultation"("number");

-- CreateIndex
CREATE INDEX "policy_consultation_opens_on_idx" ON "policy_consultation"("opens_on");

-- CreateIndex
CREATE INDEX "policy_comment_consultation_id_clause_id_created_at_idx" ON "policy_comment"("consultation_id", "clause_id", "created_at");

-- CreateIndex
CREATE INDEX "policy_comment_user_id_created_at_idx" ON "policy_comment"("user_id", "created_at");

-- AddForeignKey
ALTER TABLE "policy_comment" ADD CONSTRAINT "policy_comment_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "policy_consultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what the domain guarantees, held by the database too.
ALTER TABLE "policy_consultation" ADD CONSTRAINT "policy_consultation_period_check" CHECK ("closes_on" >= "opens_on");
ALTER TABLE "policy_comment" ADD CONSTRAINT "policy_comment_outcome_check" CHECK (
  ("outcome" IS NULL AND "answered_at" IS NULL AND "duplicate_of_id" IS NULL)
  OR ("outcome" IN ('adopted', 'partly-adopted', 'not-adopted', 'duplicate') AND "answered_at" IS NOT NULL
      AND (("outcome" = 'duplicate') = ("duplicate_of_id" IS NOT NULL)))
);
