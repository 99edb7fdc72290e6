import type { TransactionClient } from '@kc/db';
import { notifyBureauOfficers } from '../notifications/write';
import type { AcceptancePanelRow } from './acceptance-panel';
import { ACCEPTANCE_PANEL_INCLUDE, conclusionOf } from './acceptance-panel';

/**
 * 验收专家组 as its experts change it (acceptance.ts: a verdict or a declared conflict; panels.ts:
 * an answer to the invitation). Each change locks the panel's row first and reads the panel
 * after the lock, so two experts answering at once see each other's answer, one after the other.
 */

type Tx = TransactionClient;

/** An acceptance panel with its members and their verdicts, as it stands in this transaction. */
export function readAcceptancePanel(tx: Tx, panelId: string): Promise<AcceptancePanelRow> {
  return tx.reviewPanel.findUniqueOrThrow({
    where: { id: panelId },
    include: ACCEPTANCE_PANEL_INCLUDE,
  });
}

/** The panel's row locked (FOR UPDATE) until the transaction ends, the panel read after the lock. */
export async function lockedAcceptancePanel(tx: Tx, panelId: string): Promise<AcceptancePanelRow> {
  await tx.$executeRaw`SELECT 1 FROM review_panel WHERE id = ${panelId}::uuid FOR UPDATE`;
  return readAcceptancePanel(tx, panelId);
}

/**
 * 验收专家组意见已汇齐: the change that completes the panel (the last verdict, a declared conflict,
 * the last invited expert declining) tells the bureau's officers, who review the final report, in
 * its own transaction. `before` was read under the panel's lock, so of two answers at once only
 * the later sees the panel become complete; the messages are keyed on the panel besides, so it is
 * told once. Nothing of the verdicts, not even whether there is a majority: only that it is time.
 */
export async function tellBureauWhenComplete(
  tx: Tx,
  change: {
    before: AcceptancePanelRow;
    after: AcceptancePanelRow;
    project: { id: string; number: string; title: string };
    at: Date;
  },
): Promise<void> {
  const { before, after, project } = change;
  if (conclusionOf(before).conclusion.complete || !conclusionOf(after).conclusion.complete) return;
  await notifyBureauOfficers(tx, `acceptance-panel-complete:${after.id}`, {
    kind: 'selection.acceptance-complete',
    title: '验收专家组意见已汇齐',
    body: `项目“${project.title}”（${project.number}）的验收专家组已全部提交意见，可以审查结题验收报告`,
    link: { page: 'project', id: project.id },
    at: change.at,
  });
}
