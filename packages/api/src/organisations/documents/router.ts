import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { organisationDocumentSchema, plainString } from '@kc/domain';
import { applicantProcedure } from '../../trpc';
import { evidenceOffers } from './for-evidence';
import { addDocument, listDocuments } from './service';

const ruleId = plainString({ error: '请选择奖补事项' }).trim().min(1, '请选择奖补事项').max(64);

/**
 * 资料库 (myOrg.documents.*): standing documents kept once per organisation and attached to
 * applications by reference (see service.ts and for-evidence.ts).
 */
export const documentsRouter = {
  list: applicantProcedure.query(({ ctx }) => listDocuments(ctx)),

  add: applicantProcedure
    .input(organisationDocumentSchema)
    .mutation(({ ctx, input }) => addDocument(ctx, input)),

  forEvidence: applicantProcedure
    .input(z.object({ ruleId }))
    .query(({ ctx, input }) => evidenceOffers(ctx, input.ruleId)),
} satisfies TRPCRouterRecord;
