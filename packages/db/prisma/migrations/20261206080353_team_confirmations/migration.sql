-- AlterTable
ALTER TABLE "selection_team_member" ADD COLUMN     "decline_reason" TEXT,
ADD COLUMN     "declined_at" TIMESTAMPTZ(6),
ADD COLUMN     "declined_by" UUID;

-- CreateIndex
CREATE INDEX "selection_team_member_organisation_id_idx" ON "selection_team_member"("organisation_id");

-- Hand-written: what the database itself holds to (constraints.test.ts).
ALTER TABLE "selection_team_member"
    ADD CONSTRAINT "selection_team_member_declined_complete"
        CHECK (("declined_at" IS NULL) = ("declined_by" IS NULL)
               AND ("declined_at" IS NULL) = ("decline_reason" IS NULL)),
    ADD CONSTRAINT "selection_team_member_one_answer"
        CHECK ("confirmed_at" IS NULL OR "declined_at" IS NULL);
