/**
 * Shortcuts for the 收款账户 and 资料库 tests: the account form as an administrator fills it, and
 * a colleague joined straight into the organisation (the invite flow is tested on its own).
 */
import { randomBytes } from 'node:crypto';
import type { BankAccountInput } from '@kc/domain';
import type { Harness } from './harness';

/** The account form for `holder`, the number typed twice; `accountNo` digits only or spaced. */
export function accountForm(
  holder: string,
  overrides: Partial<BankAccountInput> = {},
): BankAccountInput {
  const accountNo = overrides.accountNo ?? '6222021313000004567';
  return {
    holder,
    bankName: '中国工商银行',
    branchName: '宿州分行营业部',
    accountNo,
    accountNoConfirm: overrides.accountNoConfirm ?? accountNo,
    ...overrides,
  };
}

/** A second person in the organisation (经办人 by default), with their own mini-program session. */
export async function colleague(
  h: Harness,
  organisationId: string,
  role: 'admin' | 'agent' = 'agent',
) {
  const client = await h.applicant();
  const me = await client.auth.me.query();
  await h.prisma.organisationMember.create({
    data: {
      organisationId,
      userId: me.id,
      role,
      status: 'active',
      origin: 'invited',
      joinedAt: h.clock.now,
      createdAt: h.clock.now,
      updatedAt: h.clock.now,
    },
  });
  return { client, userId: me.id };
}

/** A stored file owned by `userId`, as POST /files leaves it (that route is tested in apps/server). */
export async function storedFile(
  h: Harness,
  userId: string,
  name = '信用承诺书.pdf',
  mimeType = 'application/pdf',
) {
  return h.prisma.storedFile.create({
    data: {
      createdAt: h.clock.now,
      sha256: randomBytes(32).toString('hex'),
      sizeBytes: 2048,
      mimeType,
      originalName: name,
      ownerUserId: userId,
    },
  });
}
