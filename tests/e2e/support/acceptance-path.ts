/**
 * 验收专家组 (issue 14, 四.2) for the flows: once the bureau has drawn a project's acceptance panel,
 * the drawn experts of the demo pool — its seven 低碳能源 experts, `demo-openid-expert-1` … `-7`
 * (packages/db/src/seed-experts.ts) — accept the invitation in their review tasks and give their
 * verdict, each signed in through the fake WeChat as the phone would.
 */
import type { ApiUrls } from './api';
import { applicantApi, officerApi } from './api';

const FIELD_EXPERTS = Array.from({ length: 7 }, (_, i) => `demo-openid-expert-${i + 1}`);

/** The openid of a demo expert invited to the project's acceptance panel (the first found). */
export async function invitedExpert(stack: ApiUrls, projectId: string): Promise<string> {
  const bureau = await officerApi(stack.apiUrl, 'reviewer');
  const panel = (await bureau.selection.projects.byId.query({ id: projectId })).acceptance?.panel;
  if (!panel) throw new Error(`no acceptance panel drawn for project ${projectId}`);
  for (const openid of FIELD_EXPERTS) {
    const expert = await applicantApi(stack, openid);
    const tasks = await expert.selection.reviews.mine.query();
    if (tasks.some((t) => t.panelId === panel.id && t.status === 'invited')) return openid;
  }
  throw new Error(`none of the demo experts is invited to panel ${panel.id}`);
}

/**
 * The invited members of the project's acceptance panel accept and give `verdict` (with a
 * comment); throws unless every invited member was one of the demo experts, so the panel is
 * complete. Returns how many answered.
 */
export async function expertsGiveVerdicts(
  stack: ApiUrls,
  projectId: string,
  verdict: 'pass' | 'revise' | 'fail' = 'pass',
): Promise<number> {
  const bureau = await officerApi(stack.apiUrl, 'reviewer');
  const panel = (await bureau.selection.projects.byId.query({ id: projectId })).acceptance?.panel;
  if (!panel) throw new Error(`no acceptance panel drawn for project ${projectId}`);
  const invited = panel.members.filter((m) => m.status === 'invited').length;
  const answered = await Promise.all(
    FIELD_EXPERTS.map(async (openid) => {
      const expert = await applicantApi(stack, openid);
      const task = (await expert.selection.reviews.mine.query()).find(
        (t) => t.panelId === panel.id && t.status === 'invited',
      );
      if (!task) return 0;
      await expert.selection.reviews.respond.mutate({
        assignmentId: task.assignmentId,
        accept: true,
      });
      await expert.selection.reviews.verdict.mutate({
        assignmentId: task.assignmentId,
        sheet: {
          conflict: 'none',
          verdict,
          comment:
            verdict === 'pass'
              ? '考核指标全部完成，经费使用规范，同意通过验收。'
              : '部分考核指标未完成，须整改后重新验收。',
        },
      });
      return 1;
    }),
  );
  const count = answered.reduce<number>((a, b) => a + b, 0);
  if (count !== invited) throw new Error(`${count} of the ${invited} invited experts answered`);
  return count;
}
