import { describe, expect, it } from 'vitest';
import { checkConfirmForm, invitationTone } from '../src/packages/org/invitations/data';

describe('确认申领 of a 免申即享 invitation', () => {
  it('needs the commitment ticked', () => {
    expect(checkConfirmForm({ needsPrevious: false, previous: '', accepted: false })).toEqual({
      ok: false,
      errors: { commitment: '请阅读并勾选信用承诺' },
    });
    expect(checkConfirmForm({ needsPrevious: false, previous: '', accepted: true })).toEqual({
      ok: true,
      input: { commitment: true },
    });
  });

  it('asks a re-recognised firm for the previous certificate the list left out, in its form', () => {
    expect(checkConfirmForm({ needsPrevious: true, previous: ' ', accepted: true })).toEqual({
      ok: false,
      errors: { previousCertificateNo: '请填写上一次证书编号' },
    });
    expect(checkConfirmForm({ needsPrevious: true, previous: 'GR12', accepted: true })).toEqual({
      ok: false,
      errors: { previousCertificateNo: '上一次证书编号应为 GR 加 12 位数字，如 GR202334001111' },
    });
    expect(
      checkConfirmForm({ needsPrevious: true, previous: 'gr 2023 3400 1111', accepted: true }),
    ).toEqual({ ok: true, input: { previousCertificateNo: 'GR202334001111', commitment: true } });
  });

  it('sends no previous certificate when the list gave it', () => {
    expect(checkConfirmForm({ needsPrevious: false, previous: 'GR12', accepted: true })).toEqual({
      ok: true,
      input: { commitment: true },
    });
  });

  it('colours an invitation by what it means to the firm', () => {
    expect(['invited', 'confirmed', 'declined', 'void'].map(invitationTone)).toEqual([
      'warning',
      'success',
      'neutral',
      'danger',
    ]);
  });
});
