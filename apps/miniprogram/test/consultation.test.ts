import { describe, expect, it } from 'vitest';
import { telHref } from '../src/packages/apply/programme/consultation';

describe('telHref (咨询电话 on H5)', () => {
  it('dials the digits of a landline with area code', () => {
    expect(telHref('0557-3021680')).toBe('tel:05573021680');
  });
});
