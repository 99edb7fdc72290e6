import type { Application, ExemptionInvitation, OfficialListEntry } from '@kc/db';

/** An invitation as the organisation's people see it (list and detail). */
export const INVITATION_INCLUDE = {
  listEntry: { include: { import: { select: { id: true, title: true, fileId: true } } } },
  application: {
    select: {
      id: true,
      number: true,
      status: true,
      computedAmountFen: true,
      approvedAmountFen: true,
    },
  },
} as const;

export type InvitationRow = ExemptionInvitation & {
  listEntry: OfficialListEntry & { import: { id: string; title: string; fileId: string } };
  application: Pick<
    Application,
    'id' | 'number' | 'status' | 'computedAmountFen' | 'approvedAmountFen'
  > | null;
};
