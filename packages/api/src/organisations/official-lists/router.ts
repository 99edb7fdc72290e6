import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  EXEMPTION_STAGE_CODES,
  invitationConfirmFormSchema,
  invitationDeclineSchema,
  LIST_ROW_OUTCOME_CODES,
  listImportKindSchema,
  plainString,
} from '@kc/domain';
import { pageInput } from '../../paging';
import { applicantProcedure, officerWithRoles } from '../../trpc';
import { commitImport } from './commit';
import { confirmInvitation } from './confirm';
import { discardImport, importDetail, listImports } from './imports';
import { declineInvitation, myInvitation, myInvitations } from './invitations';
import { exemptionList, exemptionPanel } from './panel';
import { previewList } from './preview';
import { exportUnmatchedXlsx } from './unmatched-export';

const id = (what: string) => z.uuid({ error: `${what}编号无效` });
/** Importing changes the platform's verified facts: the bureau administrator only. */
const importer = officerWithRoles('bureau-admin');
/** Reading lists and following 免申即享: the bureau (administrator and reviewers). */
const bureau = officerWithRoles('bureau-admin', 'bureau-reviewer');

/** Official recognition lists: import with preview, commit, history (officialLists.*). */
export const officialListsRouter = {
  /** Reads an uploaded file (POST /files/official-lists) and stores the preview. */
  preview: importer
    .input(
      z.object({
        kind: listImportKindSchema,
        fileId: id('名单文件'),
        title: plainString().trim().max(100, '名单名称不能超过100个字').optional(),
      }),
    )
    .mutation(({ ctx, input }) => previewList(ctx, input)),

  byId: bureau
    .input(
      z.object({
        importId: id('导入记录'),
        outcome: z.enum(LIST_ROW_OUTCOME_CODES, { error: '未知的匹配结果' }).optional(),
        ...pageInput,
      }),
    )
    .query(({ ctx, input }) => importDetail(ctx.db.prisma, input)),

  list: bureau
    .input(
      z
        .object({ kind: listImportKindSchema.optional(), ...pageInput })
        .default({ page: 1, pageSize: 20 }),
    )
    .query(({ ctx, input }) => listImports(ctx, input)),

  commit: importer
    .input(z.object({ importId: id('导入记录') }))
    .mutation(({ ctx, input }) => commitImport(ctx, input.importId)),

  discard: importer
    .input(z.object({ importId: id('导入记录') }))
    .mutation(({ ctx, input }) => discardImport(ctx, input.importId)),

  /**
   * 未匹配单位 (.xlsx, base64), for officers to contact the firms. A mutation, like every
   * export: it is audited, and a refetch must not repeat it.
   */
  unmatchedXlsx: bureau
    .input(
      z
        .object({ kind: listImportKindSchema.optional(), importId: id('导入记录').optional() })
        .default({}),
    )
    .mutation(({ ctx, input }) => exportUnmatchedXlsx(ctx, input)),
} satisfies TRPCRouterRecord;

/** 免申即享 as the bureau follows it: invitations and the workbench panel (exemptions.*). */
export const exemptionsRouter = {
  panel: bureau.query(({ ctx }) => exemptionPanel(ctx)),
  list: bureau
    .input(
      z.object({
        stage: z.enum(EXEMPTION_STAGE_CODES, { error: '未知的阶段' }).default('invited'),
        ...pageInput,
      }),
    )
    .query(({ ctx, input }) => exemptionList(ctx, input)),
} satisfies TRPCRouterRecord;

const invitationId = z.object({ invitationId: id('邀请') });

/** 免申即享 invitations as the organisation sees and confirms them (myOrg.invitations.*). */
export const invitationsRouter = {
  list: applicantProcedure.query(({ ctx }) => myInvitations(ctx)),
  byId: applicantProcedure
    .input(invitationId)
    .query(({ ctx, input }) => myInvitation(ctx, input.invitationId)),
  confirm: applicantProcedure
    .input(invitationConfirmFormSchema.extend(invitationId.shape))
    .mutation(({ ctx, input }) => confirmInvitation(ctx, input)),
  decline: applicantProcedure
    .input(invitationDeclineSchema.extend(invitationId.shape))
    .mutation(({ ctx, input }) => declineInvitation(ctx, input)),
} satisfies TRPCRouterRecord;
