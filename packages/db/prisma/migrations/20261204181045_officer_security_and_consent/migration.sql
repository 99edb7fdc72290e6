-- AlterTable
ALTER TABLE "user" ADD COLUMN     "cancelled_at" TIMESTAMPTZ(6),
ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "password_changed_at" TIMESTAMPTZ(6),
ADD COLUMN     "totp_enabled_at" TIMESTAMPTZ(6),
ADD COLUMN     "totp_last_step" BIGINT,
ADD COLUMN     "totp_secret" TEXT;

-- AlterTable
ALTER TABLE "session" ADD COLUMN     "ip" TEXT,
ADD COLUMN     "pending_step" TEXT;

-- CreateTable
CREATE TABLE "officer_recovery_code" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "officer_recovery_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_counter" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "window_ends_at" TIMESTAMPTZ(6) NOT NULL,
    "blocked_until" TIMESTAMPTZ(6),
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "rate_limit_counter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "privacy_consent" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "notice_version" TEXT NOT NULL,
    "accepted_at" TIMESTAMPTZ(6) NOT NULL,
    "ip" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "privacy_consent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "officer_recovery_code_user_id_code_hash_key" ON "officer_recovery_code"("user_id", "code_hash");

-- CreateIndex
CREATE INDEX "rate_limit_counter_window_ends_at_idx" ON "rate_limit_counter"("window_ends_at");

-- CreateIndex
CREATE INDEX "privacy_consent_user_id_accepted_at_idx" ON "privacy_consent"("user_id", "accepted_at");

-- AddForeignKey
ALTER TABLE "officer_recovery_code" ADD CONSTRAINT "officer_recovery_code_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "privacy_consent" ADD CONSTRAINT "privacy_consent_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
