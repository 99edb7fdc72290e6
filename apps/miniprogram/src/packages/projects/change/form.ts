import {
  PROJECT_CHANGE_KINDS,
  type ProjectChangeKind,
  type ProjectChangeRequest,
  type SelectionSettings,
  TERMINATION_REASONS,
  changeProblems,
  fieldMeta,
  projectChangeRequestSchema,
} from '@kc/domain';
import type { z } from 'zod';
import { type PathErrors, pathErrors } from '../../../forms/form-values';
import type { MyProject } from '../data';

/**
 * 延期 / 变更 / 终止 申请: the kind first, then what that kind asks (months for an extension, a
 * reason for a termination) and the reason in words. Checked with the domain's
 * `projectChangeRequestSchema` (what the API takes) and `changeProblems` (how often and how
 * long a project may be extended, read from the project's own settings). Errors by the request's
 * paths: `kind`, `months`, `terminationReason`, `reason`, `_form`.
 */

export interface ChangeDraft {
  kind: ProjectChangeKind | '';
  /** as typed */
  months: string;
  terminationReason: string;
  reason: string;
}

export const EMPTY_CHANGE: ChangeDraft = {
  kind: '',
  months: '',
  terminationReason: '',
  reason: '',
};

type Variant = z.ZodObject<{ kind: z.ZodLiteral<ProjectChangeKind>; reason: z.ZodType }>;
const variants = projectChangeRequestSchema.options as unknown as readonly Variant[];
const variantOf = (kind: ProjectChangeKind) => variants.find((v) => v.shape.kind.value === kind);

export const CHANGE_KIND_OPTIONS = PROJECT_CHANGE_KINDS.map(({ code, name }) => ({ code, name }));

/** The reasons a unit may give for ending its project: the schema's, by their Chinese names. */
export const TERMINATION_OPTIONS = (() => {
  const variant = variantOf('termination') as unknown as
    z.ZodObject<{ terminationReason: z.ZodEnum }> | undefined;
  const codes = (variant?.shape.terminationReason.options ?? []) as readonly string[];
  return TERMINATION_REASONS.filter((r) => codes.includes(r.code)).map(({ code, name }) => ({
    code,
    name,
  }));
})();

/** The reason box's title for the kind (延期理由, 变更内容及理由, 终止说明), from the schema. */
export function reasonTitle(kind: ProjectChangeKind | ''): string {
  const variant = kind ? variantOf(kind) : undefined;
  return (variant && fieldMeta(variant.shape.reason)?.title) || '申请理由';
}

type Project = Pick<MyProject, 'status' | 'extension'>;

/** `每次延期不超过6个月；每个项目最多延期2次，已延期1次` */
export function extensionLimitText(p: Project): string {
  const { approved, max, maxMonths } = p.extension;
  return `每次延期不超过${maxMonths}个月；每个项目最多延期${max}次，已延期${approved}次`;
}

export type ChangeCheck =
  { ok: true; request: ProjectChangeRequest } | { ok: false; errors: PathErrors };

const INTEGER = /^\d+$/;

/** The draft as `requestChange` takes it, or every reason it would be refused, under its field. */
export function checkChange(draft: ChangeDraft, p: Project): ChangeCheck {
  const problems: PathErrors = {};
  const input: Record<string, unknown> = { kind: draft.kind, reason: draft.reason };
  if (draft.kind === 'extension') {
    const months = draft.months.trim();
    if (months !== '' && INTEGER.test(months)) input.months = Number(months);
    else if (months !== '') problems.months = '延期月数应为整数';
  }
  if (draft.kind === 'termination' && draft.terminationReason)
    input.terminationReason = draft.terminationReason;
  const parsed = projectChangeRequestSchema.safeParse(input);
  const errors = pathErrors(parsed.success ? [] : parsed.error.issues, problems);
  // The project's limits as soon as the kind is chosen, before the months and reason are typed
  // (no months yet: only whether another extension is allowed at all).
  if (draft.kind !== '') {
    // changeProblems reads only the extension limits of the settings: the project's own.
    const limits = {
      maxExtensions: p.extension.max,
      maxExtensionMonths: p.extension.maxMonths,
    } as SelectionSettings['project'];
    const cross = changeProblems(
      { months: 0, ...input } as ProjectChangeRequest,
      { status: p.status, extensionsApproved: p.extension.approved },
      limits,
    );
    // More to the point than the schema's bounds (每次延期不超过6个月 beats 超出范围).
    for (const [path, messages] of Object.entries(cross))
      if (problems[path] === undefined) errors[path] = messages[0];
  }
  const failed = Object.values(errors).some((m) => m !== undefined);
  if (parsed.success && !failed) return { ok: true, request: parsed.data };
  return { ok: false, errors };
}
