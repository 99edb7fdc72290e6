import type { api } from '../../../api/client';
import type { FormValues } from '../../../forms/schema-fields';

export type VerificationState = Awaited<ReturnType<typeof api.myOrg.verification.latest.query>>;

/** The status tag's tone for verification, change and claim statuses. */
export function statusTone(status: string): string {
  switch (status) {
    case 'verified':
    case 'approved':
    case 'upheld':
      return 'approved';
    case 'pending':
      return 'pending';
    case 'rejected':
      return 'rejected';
    default:
      return 'draft';
  }
}

/** What the form starts with when submitting again: the earlier answers, not the files. */
export function resubmitInitial(state: VerificationState): Record<string, unknown> | undefined {
  const latest = state.latest;
  if (!latest) return undefined;
  return {
    licenceKind: latest.licenceKind,
    legalRepName: latest.legalRepName,
    actingRole: latest.actingRole,
  };
}

/** The 授权委托书 is asked for only when someone other than the legal representative acts. */
export function needsAuthorisation(values: FormValues): boolean {
  return Boolean(values.actingRole) && values.actingRole !== 'legal-representative';
}
