import { afterEach, describe, expect, it } from 'vitest';
import type { PolicyAmendment } from '@kc/domain';
import { policyCatalogue } from '@kc/domain';

/**
 * WeChat runs a mini-program on the phone's own JavaScript engine (JavaScriptCore on iOS), and the
 * weapp build rewrites syntax, not built-ins: the catalogue must be built without ES2023's array
 * methods (`toSorted`, absent before iOS 16), or those phones would never see an adopted version.
 */
const native = Object.getOwnPropertyDescriptor(Array.prototype, 'toSorted');

const amendment = (id: string, baseId: string, effectiveFrom: string): PolicyAmendment => ({
  baseId,
  id,
  version: effectiveFrom.slice(0, 7),
  title: '提高技术成果转化补助上限',
  effectiveFrom,
  changes: { 'rules.tech-transfer.formula.cap': `${effectiveFrom.slice(5, 7)}0000.00` },
});

describe('the policy catalogue on a runtime without Array.prototype.toSorted', () => {
  afterEach(() => {
    if (native) Object.defineProperty(Array.prototype, 'toSorted', native);
  });

  it('builds the adopted versions in date order all the same', () => {
    Reflect.deleteProperty(Array.prototype, 'toSorted');
    expect(typeof (Array.prototype as { toSorted?: unknown }).toSorted).toBe('undefined');
    const catalogue = policyCatalogue([
      amendment('suzhou-future-2027-07', 'suzhou-future-2027-01', '2027-07-01'),
      amendment('suzhou-future-2027-01', 'suzhou-future-2026-draft', '2027-01-01'),
    ]);
    expect(catalogue.map((s) => s.id)).toEqual([
      'suzhou-future-2026-draft',
      'suzhou-future-2027-01',
      'suzhou-future-2027-07',
    ]);
  });
});
