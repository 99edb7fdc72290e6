-- AlterTable
ALTER TABLE "vp_call" ADD COLUMN     "agreement_template_file_id" UUID;

-- AddForeignKey
ALTER TABLE "vp_call" ADD CONSTRAINT "vp_call_agreement_template_file_id_fkey" FOREIGN KEY ("agreement_template_file_id") REFERENCES "stored_file"("id") ON DELETE SET NULL ON UPDATE CASCADE;
