import { z } from 'zod';
import { optionalTextField, textField } from '../policy/fields';
import { codesOf, nameLookup } from '../reference/lookup';
import type { ProjectStatus } from './project';
import type { SelectionSettings } from './settings';

/**
 * Changes to a signed project (issue 14, 四.2): 延期 (more months), 变更 (anything else in the
 * contract, described in words) and 终止. The lead unit asks; the bureau approves or rejects with a
 * comment. The bureau may also terminate on its own, with one of the reasons below. How long and
 * how often a project may be extended are the selection settings (`project`). Pure.
 */

export const PROJECT_CHANGE_KINDS = [
  { code: 'extension', name: '延期' },
  { code: 'change', name: '变更' },
  { code: 'termination', name: '终止' },
] as const;
export type ProjectChangeKind = (typeof PROJECT_CHANGE_KINDS)[number]['code'];
export const projectChangeKindName = nameLookup(PROJECT_CHANGE_KINDS);

export const PROJECT_CHANGE_STATUSES = [
  { code: 'pending', name: '待审批' },
  { code: 'approved', name: '已同意' },
  { code: 'rejected', name: '不同意' },
] as const;
export const projectChangeStatusName = nameLookup(PROJECT_CHANGE_STATUSES);

export const TERMINATION_REASONS = [
  { code: 'unit-request', name: '承担单位申请终止' },
  { code: 'infeasible', name: '技术路线不可行或不可抗力' },
  { code: 'breach', name: '违反任务书约定或严重违规' },
  { code: 'mid-term-failed', name: '中期检查不通过' },
  { code: 'acceptance-failed', name: '验收不通过' },
] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number]['code'];
export const TERMINATION_REASON_CODES = codesOf(TERMINATION_REASONS);
export const terminationReasonName = nameLookup(TERMINATION_REASONS);

/** The reasons a unit may give for asking to end its own project. */
const UNIT_TERMINATION_REASONS = ['unit-request', 'infeasible'] as const;
/** The reasons the bureau terminates for on its own (failed reviews end a project by the review). */
export const BUREAU_TERMINATION_REASONS = ['breach', 'infeasible', 'unit-request'] as const;

const reason = (title: string) => textField(title, { min: 10, max: 2000 });

export const projectChangeRequestSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('extension'),
      months: z
        .number({ error: '请填写延期月数' })
        .int('延期月数应为整数')
        .min(1, '延期至少1个月')
        .max(36, '延期月数超出范围'),
      reason: reason('延期理由'),
    }),
    z.object({ kind: z.literal('change'), reason: reason('变更内容及理由') }),
    z.object({
      kind: z.literal('termination'),
      terminationReason: z.enum(UNIT_TERMINATION_REASONS, { error: '请选择终止原因' }),
      reason: reason('终止说明'),
    }),
  ],
  { error: '请选择申请类型' },
);
export type ProjectChangeRequest = z.input<typeof projectChangeRequestSchema>;

/** The bureau's answer to a change request: a rejection says why (the API checks). */
export const decideChangeSchema = z.object({
  decision: z.enum(['approve', 'reject'], { error: '请选择审批意见' }),
  comment: optionalTextField('审批意见', { max: 1000 }),
});

export const bureauTerminationSchema = z.object({
  terminationReason: z.enum(BUREAU_TERMINATION_REASONS, { error: '请选择终止原因' }),
  reason: reason('终止说明'),
});

/** Why this request cannot be made now, by field path; empty: it may be submitted. */
export function changeProblems(
  request: ProjectChangeRequest,
  project: { status: ProjectStatus; extensionsApproved: number },
  settings: SelectionSettings['project'],
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const open = project.status === 'in-progress' || project.status === 'accepting';
  if (!open) problems._form = ['项目不在实施中，不能申请变更'];
  else if (request.kind === 'extension') {
    if (project.status !== 'in-progress') problems._form = ['项目已进入验收，不能申请延期'];
    else if (project.extensionsApproved >= settings.maxExtensions)
      problems._form = [`每个项目最多延期${settings.maxExtensions}次，本项目已延期`];
    if (request.months > settings.maxExtensionMonths)
      problems.months = [`每次延期不超过${settings.maxExtensionMonths}个月`];
  }
  return problems;
}
