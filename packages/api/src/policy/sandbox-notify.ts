import type { TransactionClient } from '@kc/db';
import type { PolicyAmendment, SandboxResult } from '@kc/domain';
import { programmeName } from '@kc/domain';
import { notify } from '../notifications/write';

export const ELIGIBILITY_CHANGED_KIND = 'policy.eligibility-changed';

/**
 * 确认施行 tells the applicants a version concerns (issue 15, 4.): the adoption's sandbox run
 * replayed the last year's applications under it, and each application it would decide the other
 * way gets one message for its applicant. An application already submitted keeps its version;
 * the message says what a new application would meet. Written in the run's own transaction:
 * told exactly when the run is done.
 */
export async function notifyEligibilityChanges(
  tx: Pick<TransactionClient, 'application' | 'notification'>,
  input: { amendment: PolicyAmendment; result: SandboxResult; at: Date },
): Promise<number> {
  const changes = input.result.eligibilityChanges;
  if (changes.length === 0) return 0;
  const rows = await tx.application.findMany({
    where: { id: { in: changes.map((c) => c.applicationId) } },
    select: { id: true, number: true, applicantUserId: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const { title, effectiveFrom } = input.amendment;
  let told = 0;
  for (const change of changes) {
    const application = byId.get(change.applicationId);
    if (!application) continue;
    const what = `您此前提交的“${programmeName(change.ruleId)}”申请（${application.number}）`;
    await notify(tx, {
      userId: application.applicantUserId,
      kind: ELIGIBILITY_CHANGED_KIND,
      title: change.becameEligible ? '政策调整后您可能符合申报条件' : '政策调整后申报条件有变化',
      body: change.becameEligible
        ? `《${title}》将于${effectiveFrom}起施行。按新标准，${what}的情形将符合支持条件。已提交的申请仍按提交时的标准办理；如需按新标准申报，请在施行之日起提交新的申请。`
        : `《${title}》将于${effectiveFrom}起施行。按新标准，与${what}相同的情形将不再符合支持条件。已提交的申请仍按提交时的标准办理，不受影响。`,
      link: { page: 'application', id: application.id },
      at: input.at,
    });
    told++;
  }
  return told;
}
