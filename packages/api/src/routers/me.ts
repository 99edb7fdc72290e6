import type { TRPCRouterRecord } from '@trpc/server';
import { CURRENT_PRIVACY_NOTICE, accountCancelSchema, privacyAcceptSchema } from '@kc/domain';
import { writeAudit } from '../audit';
import { appError } from '../errors';
import { cancelAccount } from '../privacy/cancel';
import { recordConsent } from '../privacy/consent';
import { collectMyData } from '../privacy/export';
import { applicantProcedure, publicProcedure } from '../trpc';

/** 个人信息与隐私: the notice, consent, the person's own data, and 注销. */
export const meRouter = {
  /** 《隐私保护指引》 in force (the mini-program bundles the same text from `@kc/domain`). */
  privacyNotice: publicProcedure.query(() => CURRENT_PRIVACY_NOTICE),

  /** 同意 after a login answered `consentRequired`: stored with the version. */
  acceptPrivacyNotice: applicantProcedure
    .input(privacyAcceptSchema)
    .mutation(async ({ ctx, input }) => {
      if (input.version !== CURRENT_PRIVACY_NOTICE.version)
        throw appError('PRIVACY_NOTICE_OUTDATED');
      await ctx.db.prisma.$transaction((tx) =>
        recordConsent(tx, ctx, ctx.caller.userId, input.version),
      );
      return { version: input.version };
    }),

  /** Everything held about the caller and the organisations they administer (JSON). */
  export: applicantProcedure.query(async ({ ctx }) => {
    const data = await collectMyData(ctx.db.prisma, ctx.caller.userId, ctx.now());
    await writeAudit(ctx.db.prisma, ctx, {
      action: 'privacy.export',
      objectType: 'user',
      objectId: ctx.caller.userId,
      details: { format: 'json' },
    });
    return data;
  }),

  /** 注销账号: `confirmation` must be “注销”. */
  cancelAccount: applicantProcedure.input(accountCancelSchema).mutation(async ({ ctx, input }) => {
    const report = await cancelAccount(ctx, input);
    return { cancelledAt: report.cancelledAt };
  }),
} satisfies TRPCRouterRecord;
