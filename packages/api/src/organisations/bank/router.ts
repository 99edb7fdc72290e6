import type { TRPCRouterRecord } from '@trpc/server';
import { bankAccountSchema } from '@kc/domain';
import { applicantProcedure } from '../../trpc';
import { getBankAccount, saveBankAccount } from './service';

/**
 * 收款账户 (myOrg.bankAccount.*): every member sees it, masked; administrators of a verified
 * organisation register and change it (see service.ts for the rules).
 */
export const bankAccountRouter = {
  get: applicantProcedure.query(({ ctx }) => getBankAccount(ctx)),

  save: applicantProcedure
    .input(bankAccountSchema)
    .mutation(({ ctx, input }) => saveBankAccount(ctx, input)),
} satisfies TRPCRouterRecord;
