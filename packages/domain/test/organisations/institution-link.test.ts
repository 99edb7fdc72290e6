import { describe, expect, it } from 'vitest';
import {
  institutionKindFor,
  institutionLinkStatusName,
  institutionLinkWarning,
} from '../../src/organisations/institution-link';

describe('a researcher’s 单位 as the 科技副总 rule reads it', () => {
  it('takes the confirmed institution’s type over the researcher’s declaration', () => {
    const confirmed = (organisationType: string) => ({ status: 'confirmed', organisationType });
    expect(institutionKindFor('other', confirmed('university'))).toBe('university');
    expect(institutionKindFor('other', confirmed('institute'))).toBe('institute');
    expect(institutionKindFor('university', confirmed('firm'))).toBe('other');
    expect(institutionKindFor('university', confirmed('incubator'))).toBe('other');
  });

  it('keeps the declaration while the link is not confirmed', () => {
    for (const status of ['none', 'pending', 'rejected'])
      expect(institutionKindFor('university', { status, organisationType: 'firm' })).toBe(
        'university',
      );
  });

  it('warns officers unless the institution confirmed it', () => {
    expect(
      institutionLinkWarning({ status: 'confirmed', organisationName: '宿州学院' }),
    ).toBeNull();
    expect(institutionLinkWarning({ status: 'pending', organisationName: '宿州学院' })).toBe(
      '工作单位待“宿州学院”管理员确认，单位类型为本人填报',
    );
    expect(institutionLinkWarning({ status: 'rejected', organisationName: '宿州学院' })).toBe(
      '“宿州学院”管理员未确认其为本单位人员，单位信息为本人填报',
    );
    expect(institutionLinkWarning({ status: 'none' })).toBe(
      '工作单位未在平台核验，单位信息为本人填报',
    );
  });

  it('names each status as the researcher reads it', () => {
    expect(['none', 'pending', 'confirmed', 'rejected'].map(institutionLinkStatusName)).toEqual([
      '未核验',
      '待单位确认',
      '已确认',
      '单位未确认',
    ]);
  });
});
