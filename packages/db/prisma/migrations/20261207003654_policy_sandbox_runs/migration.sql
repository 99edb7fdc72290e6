-- CreateTable
CREATE TABLE "policy_sandbox_run" (
    "id" UUID NOT NULL,
    "version_id" TEXT NOT NULL,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "stage" TEXT,
    "checksum" TEXT,
    "result" JSONB,
    "error" TEXT,
    "requested_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "started_at" TIMESTAMPTZ(6),
    "finished_at" TIMESTAMPTZ(6),

    CONSTRAINT "policy_sandbox_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "policy_sandbox_run_version_id_created_at_idx" ON "policy_sandbox_run"("version_id", "created_at");

-- CreateIndex
CREATE INDEX "policy_sandbox_run_status_created_at_idx" ON "policy_sandbox_run"("status", "created_at");

-- Hand-written: what the domain guarantees, held by the database too.
ALTER TABLE "policy_sandbox_run" ADD CONSTRAINT "policy_sandbox_run_state_check" CHECK (
  "period_to" >= "period_from" AND "progress" BETWEEN 0 AND 100
  AND "status" IN ('queued', 'running', 'done', 'failed')
  AND (("status" = 'done') = ("result" IS NOT NULL AND "checksum" IS NOT NULL))
);
