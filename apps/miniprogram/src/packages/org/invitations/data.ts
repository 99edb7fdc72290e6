import { invitationConfirmFormSchema } from '@kc/domain';
import type { api } from '../../../api/client';

export type InvitationList = Awaited<ReturnType<typeof api.myOrg.invitations.list.query>>;
export type InvitationItem = InvitationList['items'][number];
export type InvitationDetail = Awaited<ReturnType<typeof api.myOrg.invitations.byId.query>>;

/** Colour of an invitation's status, by what it means to the firm. */
export function invitationTone(status: string): string {
  if (status === 'invited') return 'warning';
  if (status === 'confirmed') return 'success';
  if (status === 'void') return 'danger';
  return 'neutral';
}

export type ConfirmErrors = Partial<
  Record<'previousCertificateNo' | 'commitment' | '_form', string>
>;

/**
 * The confirmation as typed, checked by the domain's own schema (the API checks it again): the
 * input to send, or the message under each field.
 */
export function checkConfirmForm(form: {
  needsPrevious: boolean;
  previous: string;
  accepted: boolean;
}):
  | { ok: true; input: { previousCertificateNo?: string; commitment: true } }
  | { ok: false; errors: ConfirmErrors } {
  const typed = form.previous.trim();
  const checked = invitationConfirmFormSchema.safeParse({
    ...(form.needsPrevious && typed ? { previousCertificateNo: typed } : {}),
    ...(form.accepted ? { commitment: true } : {}),
  });
  const errors: ConfirmErrors = {};
  if (form.needsPrevious && !typed) errors.previousCertificateNo = '请填写上一次证书编号';
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0] ?? '_form') as keyof ConfirmErrors;
      errors[key] ??= issue.message;
    }
  }
  if (!checked.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const { previousCertificateNo } = checked.data;
  return {
    ok: true,
    input: { ...(previousCertificateNo ? { previousCertificateNo } : {}), commitment: true },
  };
}
