/**
 * The award path after approval, through the API as the officers would walk it (for flows whose
 * subject is elsewhere; admin-notice and admin-payment drive these screens in the browser):
 * a public notice that runs its course, and a disbursement batch that one finance officer
 * prepares and another confirms and marks paid.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { officerApi } from './api';
import { moveClockPast, readClock, setClockOffset } from './clock';
import { createReadyOfficer } from './officer-security';

/** A second finance officer (不相容岗位分离: the preparer of a batch may not confirm it). */
export interface FinanceOfficer {
  username: string;
  password: string;
  displayName: string;
}

/** Creates a finance officer through the admin's account (`officers.create`). */
export async function secondFinanceOfficer(apiUrl: string): Promise<FinanceOfficer> {
  const admin = await officerApi(apiUrl, 'admin');
  const officer = {
    username: `fin-e2e-${randomBytes(3).toString('hex')}`,
    password: 'Demo@2026x',
    displayName: '复核财务',
  };
  await createReadyOfficer(apiUrl, admin, { ...officer, role: 'finance-officer' });
  return officer;
}

/**
 * The reviewer puts approved awards in a public notice and publishes it; the API's test clock
 * moves past the notice's last day so the reviewer can close it, and is set back where it was
 * (the awards stay notice-passed; a flow that had moved it, past a result document say, stays
 * there). Callers reset the clock in `afterAll` too, in case this fails half-way.
 */
export async function passNotice(apiUrl: string, applicationIds: string[], title: string) {
  const { offsetDays } = await readClock(apiUrl);
  const reviewer = await officerApi(apiUrl, 'reviewer');
  const notice = await reviewer.notices.create.mutate({
    title,
    workingDays: 5,
    applicationIds,
  });
  const published = await reviewer.notices.publish.mutate({ batchId: notice.id });
  const endsOn = published.notice.endsOn;
  if (!endsOn) throw new Error('a published notice has an end date');
  try {
    await moveClockPast(apiUrl, endsOn);
    // The reviewer's session expired with the jump: sign in again.
    const later = await officerApi(apiUrl, 'reviewer');
    await later.notices.close.mutate({ batchId: notice.id });
  } finally {
    await setClockOffset(apiUrl, offsetDays);
  }
}

/**
 * `finance` makes a batch of notice-passed awards; `second` confirms it and marks it paid.
 * Returns the batch's id and number.
 */
export async function payThroughApi(
  apiUrl: string,
  applicationIds: string[],
  second: FinanceOfficer,
  bankReference: string,
) {
  const finance = await officerApi(apiUrl, 'finance');
  const batch = await finance.disbursements.createBatch.mutate({
    title: `e2e 拨付 ${bankReference}`,
    applicationIds,
    idempotencyKey: randomUUID(),
  });
  const confirmer = await officerApi(apiUrl, second.username, second.password);
  await confirmer.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: randomUUID() });
  await confirmer.disbursements.markPaid.mutate({
    batchId: batch.id,
    idempotencyKey: randomUUID(),
    bankReference,
  });
  return { id: batch.id, number: batch.number };
}
