import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { researcherInput } from './fixtures';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

/**
 * A refused input leaves the API as a stable code (`INVALID_INPUT`) and Chinese words: the message
 * and each field's reason, whichever schema refused it — the domain's or a router's own, with or
 * without a message written for it.
 */
const readable = (message: string) =>
  /[\u4e00-\u9fff]/.test(message) && !/invalid|expected|received|too (big|small)/i.test(message);

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('input errors through tRPC', () => {
  it('a researcher’s malformed institution credit code: the reason under the field, in Chinese', async () => {
    const me = await h.applicant();
    const result = await failure(() =>
      me.profile.saveResearcher.mutate(researcherInput({ institutionCreditCode: '9134130' })),
    );
    expect(result).toMatchObject({
      appCode: 'INVALID_INPUT',
      httpStatus: 400,
      message: '统一社会信用代码应为18位，当前为7位',
      fieldErrors: { institutionCreditCode: ['统一社会信用代码应为18位，当前为7位'] },
    });
  });

  it('a router schema without a message of its own still answers in Chinese', async () => {
    const reviewer = await h.officer('reviewer');
    const result = await failure(() =>
      reviewer.review.queue.query({ ruleId: 'x'.repeat(65), year: 1999.5 }),
    );
    expect(result.appCode).toBe('INVALID_INPUT');
    expect(result.httpStatus).toBe(400);
    expect(readable(result.message)).toBe(true);
    expect(result.fieldErrors?.ruleId).toEqual(['不能超过64个字']);
    expect(result.fieldErrors?.year?.every(readable)).toBe(true);
  });

  it('a refusal inside a list names the item: the index stays in the field’s path', async () => {
    const admin = await h.officer('admin');
    const milestone = (title: string) => ({
      title,
      dueOn: '2028-06-30',
      indicators: '完成中试线建设并通过第三方检测',
    });
    // The 3rd milestone's name is missing, and the 2nd tranche has no condition: each message
    // is keyed where the admin's 任务书 form shows it (contract.milestones.2.title).
    const result = await failure(() =>
      admin.selection.projects.saveContract.mutate({
        id: 'a0000000-0000-4000-8000-000000000001',
        expectedVersion: 1,
        contract: {
          startOn: '2027-06-01',
          endOn: '2029-05-31',
          cityFundsFen: 200_000_000n,
          ownFundsFen: 300_000_000n,
          milestones: [milestone('中试线建成'), milestone('工艺验证'), milestone('')],
          tranches: [
            { condition: 'signing', amountFen: 100_000_000n },
            { condition: 'unknown' as 'signing', amountFen: 100_000_000n },
          ],
        },
      }),
    );
    expect(result.appCode).toBe('INVALID_INPUT');
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      'contract.milestones.2.title',
      'contract.tranches.1.condition',
    ]);
    expect(result.fieldErrors?.['contract.tranches.1.condition']).toEqual(['请选择拨付条件']);
    expect(result.fieldErrors?.['contract.milestones.2.title']?.every(readable)).toBe(true);
  });

  it('a wrong type where an object is expected is refused in Chinese, not as a crash', async () => {
    const me = await h.applicant();
    const result = await failure(() =>
      me.profile.saveResearcher.mutate(
        'not a profile' as unknown as ReturnType<typeof researcherInput>,
      ),
    );
    expect(result.appCode).toBe('INVALID_INPUT');
    expect(readable(result.message)).toBe(true);
  });
});
