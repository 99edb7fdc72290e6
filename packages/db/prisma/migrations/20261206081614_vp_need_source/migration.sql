-- AlterTable
ALTER TABLE "vp_need" ADD COLUMN     "source_need_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "vp_need_call_id_source_need_id_key" ON "vp_need"("call_id", "source_need_id");

-- AddForeignKey
ALTER TABLE "vp_need" ADD CONSTRAINT "vp_need_source_need_id_fkey" FOREIGN KEY ("source_need_id") REFERENCES "innovation_need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
