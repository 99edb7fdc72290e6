-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link_page" TEXT,
    "link_id" UUID,
    "read_at" TIMESTAMPTZ(6),
    "push_status" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_user_id_created_at_idx" ON "notification"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_idx" ON "notification"("user_id", "read_at");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written (listed in test/migrations.test.ts).
-- ---------------------------------------------------------------------------------------------
ALTER TABLE "notification"
    ADD CONSTRAINT "notification_link_complete" CHECK (("link_page" IS NULL) = ("link_id" IS NULL)),
    ADD CONSTRAINT "notification_push_status_valid" CHECK (
        "push_status" IS NULL OR "push_status" IN ('sent', 'skipped', 'failed'));
