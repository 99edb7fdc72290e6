-- AlterTable
ALTER TABLE "selection_call" ADD COLUMN     "result_doc_no" TEXT,
ADD COLUMN     "result_issued_on" DATE,
ADD COLUMN     "result_list_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "selection_call_result_list_id_key" ON "selection_call"("result_list_id");

-- AddForeignKey
ALTER TABLE "selection_call" ADD CONSTRAINT "selection_call_result_list_id_fkey" FOREIGN KEY ("result_list_id") REFERENCES "official_list_import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the result document is a number and a date together, set when the call concludes.
ALTER TABLE "selection_call"
    ADD CONSTRAINT "selection_call_result_document_complete" CHECK (
        ("result_doc_no" IS NULL) = ("result_issued_on" IS NULL)),
    ADD CONSTRAINT "selection_call_result_when_concluded" CHECK (
        "result_doc_no" IS NULL OR "status" = 'concluded');

-- Evidence an award application carries over from the selection submission it came from.
ALTER TABLE "application_evidence" DROP CONSTRAINT "application_evidence_source_valid";
ALTER TABLE "application_evidence"
    ADD CONSTRAINT "application_evidence_source_valid" CHECK (
        "source" IN ('upload', 'library', 'official-list', 'bank-account', 'e-commitment',
                     'selection'));
