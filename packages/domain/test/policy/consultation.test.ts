import { describe, expect, it } from 'vitest';
import { derivePolicySet, POLICY_SETS, SUZHOU_FUTURE_2026_DRAFT } from '../../src';

/** 咨询电话: every programme's guide names an office and a phone, versioned with the policy. */
describe('consultation contact per programme', () => {
  it('every rule of every version has an office and a phone', () => {
    for (const set of POLICY_SETS) {
      for (const rule of set.rules) {
        const c = rule.guide.consultation;
        expect(c.office.trim(), `${set.id}/${rule.id}`).not.toBe('');
        expect(c.phone, `${set.id}/${rule.id}`).toMatch(/^\d{3,4}-\d{7,8}$/);
      }
    }
  });

  it('a new version may give one programme its own contact; the others keep the default', () => {
    const next = derivePolicySet(SUZHOU_FUTURE_2026_DRAFT, {
      id: 'consultation-test',
      version: 'test',
      effectiveFrom: '2027-01-01',
      settings: {
        consultationContacts: {
          ...SUZHOU_FUTURE_2026_DRAFT.settings.consultationContacts,
          byRule: { 'tech-transfer': { office: '成果转化科', phone: '0557-1111111' } },
        },
      },
    });
    const byId = new Map(next.rules.map((r) => [r.id, r.guide.consultation]));
    expect(byId.get('tech-transfer')).toEqual({ office: '成果转化科', phone: '0557-1111111' });
    expect(byId.get('incubator')).toEqual(
      SUZHOU_FUTURE_2026_DRAFT.settings.consultationContacts.default,
    );
  });

  it('refuses a contact for a rule the version does not have', () => {
    expect(() =>
      derivePolicySet(SUZHOU_FUTURE_2026_DRAFT, {
        id: 'consultation-bad',
        version: 'bad',
        effectiveFrom: '2027-01-01',
        settings: {
          consultationContacts: {
            ...SUZHOU_FUTURE_2026_DRAFT.settings.consultationContacts,
            byRule: { 'no-such-rule': { office: '某科', phone: '0557-1111111' } },
          },
        },
      }),
    ).toThrow(/no-such-rule/);
  });
});
