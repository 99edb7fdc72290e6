-- CreateTable
CREATE TABLE "innovation_need" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,
    "posted_by" UUID NOT NULL,
    "area_code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "field_code" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "return_comment" TEXT,
    "merged_into_id" UUID,
    "published_at" TIMESTAMPTZ(6),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "innovation_need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "need_response" (
    "id" UUID NOT NULL,
    "need_id" UUID NOT NULL,
    "responder_user_id" UUID NOT NULL,
    "message" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "need_response_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "innovation_need_number_key" ON "innovation_need"("number");

-- CreateIndex
CREATE INDEX "innovation_need_status_published_at_id_idx" ON "innovation_need"("status", "published_at" DESC, "id");

-- CreateIndex
CREATE INDEX "innovation_need_area_code_status_idx" ON "innovation_need"("area_code", "status");

-- CreateIndex
CREATE UNIQUE INDEX "need_response_need_id_responder_user_id_key" ON "need_response"("need_id", "responder_user_id");

-- AddForeignKey
ALTER TABLE "innovation_need" ADD CONSTRAINT "innovation_need_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need_response" ADD CONSTRAINT "need_response_need_id_fkey" FOREIGN KEY ("need_id") REFERENCES "innovation_need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need_response" ADD CONSTRAINT "need_response_responder_user_id_fkey" FOREIGN KEY ("responder_user_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what the database itself holds to (constraints.test.ts).
ALTER TABLE "innovation_need"
    ADD CONSTRAINT "innovation_need_kind_valid" CHECK ("kind" IN ('scenario', 'technology')),
    ADD CONSTRAINT "innovation_need_status_valid"
        CHECK ("status" IN ('submitted', 'returned', 'published', 'merged', 'closed')),
    ADD CONSTRAINT "innovation_need_returned_has_comment"
        CHECK ("status" <> 'returned' OR "return_comment" IS NOT NULL),
    ADD CONSTRAINT "innovation_need_merged_has_target"
        CHECK (("status" = 'merged') = ("merged_into_id" IS NOT NULL)),
    ADD CONSTRAINT "innovation_need_published_has_time"
        CHECK ("status" NOT IN ('published', 'closed') OR "published_at" IS NOT NULL);
