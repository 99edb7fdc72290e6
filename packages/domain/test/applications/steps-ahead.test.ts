import { describe, expect, it } from 'vitest';
import { applicationStepName, stepsAhead } from '../../src';

const names = (status: Parameters<typeof stepsAhead>[0]) =>
  stepsAhead(status).map(applicationStepName);

describe('stepsAhead: the steps still ahead on the normal path, from the transitions', () => {
  it('from a submitted application: the reviews, the notice and the payment', () => {
    expect(stepsAhead('submitted')).toEqual([
      'area-review',
      'bureau-review',
      'approved',
      'in-notice',
      'notice-passed',
      'in-disbursement',
      'paid',
    ]);
    expect(names('submitted').slice(0, 2)).toEqual(['县区审核', '市局审核']);
  });

  it('a returned application goes through submission again', () => {
    expect(stepsAhead('returned')[0]).toBe('submitted');
  });

  it('in notice: only what follows the notice', () => {
    expect(names('in-notice')).toEqual(['公示期满', '拨付', '到账']);
  });

  it('nothing is ahead of a final status', () => {
    expect(stepsAhead('paid')).toEqual([]);
    expect(stepsAhead('rejected')).toEqual([]);
    expect(stepsAhead('withdrawn')).toEqual([]);
  });
});
