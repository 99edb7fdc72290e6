import {
  FIELDS,
  SUBMISSION_EVIDENCE,
  SUBMISSION_FORMS,
  type SelectionProgramme,
  type TeamMember,
  checkTeam,
  selectionProgramme,
  submissionTitleSchema,
  teamSchema,
} from '@kc/domain';
import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';
import type { api } from '../../../api/client';
import type { EvidenceItem, EvidenceRequirementView } from '../../../components/EvidenceUploader';
import type { PathErrors } from '../../../forms/form-values';
import { fromInput } from '../../../forms/form-values';
import type {
  FieldOverrides,
  FieldSpec,
  FormSection,
  FormValues,
} from '../../../forms/schema-fields';
import { emptyValues } from '../../../forms/schema-fields';
import type { MySubmission, PublishedCall } from '../data';
import { teamRequirement } from '../data';

/**
 * The submission form (申报书): the programme's own form from the domain (`SUBMISSION_FORMS`,
 * what the API checks on submit), with the submission's name and, where the programme works in
 * teams, its member units (`teamSchema`, checked with the domain's `checkTeam`). One schema for
 * the page, so every field is checked as it is typed and errors land under it.
 */

/** The submission's name: the API's own schema (`selection.submissions.save`). */
export { submissionTitleSchema };

/** Whether the programme's submissions name member units at all (四.2, 四.5: yes; 四.1: no). */
export function hasTeam(programme: SelectionProgramme): boolean {
  return selectionProgramme(programme).team;
}

/** The most member units a submission may name (the domain's `teamSchema`). */
export const MAX_TEAM = (teamSchema._zod.bag as { maximum?: number }).maximum ?? 10;

/** The page's schema: name, the programme's form, and the member units where it has them. */
export function submissionSchema(programme: SelectionProgramme) {
  const form = SUBMISSION_FORMS[programme] as z.ZodObject;
  const team = teamSchema.superRefine((members, ctx) => {
    for (const message of checkTeam(programme, members)) ctx.addIssue({ code: 'custom', message });
  });
  return z.object({
    title: submissionTitleSchema,
    ...form.shape,
    ...(hasTeam(programme) ? { team } : {}),
  });
}

/** The programme's own fields, in its schema's order. */
export function formFieldNames(programme: SelectionProgramme): string[] {
  return Object.keys((SUBMISSION_FORMS[programme] as z.ZodObject).shape);
}

export function submissionSections(programme: SelectionProgramme): FormSection[] {
  return [
    { title: '申报内容', fields: ['title', ...formFieldNames(programme)] },
    ...(hasTeam(programme) ? [{ fields: ['team'] }] : []),
  ];
}

/**
 * What the schema cannot say: the directions this call supports (the API refuses others on
 * submit), and the member units as rows to add and remove — at least one where the programme
 * needs them, at most the schema's maximum.
 */
export function submissionOverrides(
  programme: SelectionProgramme,
  call: Pick<PublishedCall, 'fieldCodes' | 'fieldNames'>,
): FieldOverrides {
  const required = teamRequirement(programme);
  const supported = FIELDS.filter((f) => call.fieldCodes.includes(f.code));
  return {
    ...(supported.length
      ? {
          fieldCode: {
            options: supported.map(({ code, name }) => ({ code, name })),
            hint: `本指南支持的方向：${call.fieldNames.join('、')}`,
          },
        }
      : {}),
    team: {
      title: '合作成员单位',
      hint: required
        ? `${required}。填写每家单位及其承担的任务。`
        : '如有合作单位，填写每家单位及其承担的任务。',
      min: required ? 1 : 0,
      max: MAX_TEAM,
      addLabel: '+ 添加成员单位',
    },
  };
}

/** The form's starting values: the saved submission, or an empty one (a row of team if needed). */
export function initialValues(
  fields: readonly FieldSpec[],
  programme: SelectionProgramme,
  existing: MySubmission | null,
): FormValues {
  const team = existing?.team ?? [];
  const values = fromInput(fields, {
    ...(existing?.form ?? {}),
    title: existing?.title ?? '',
    team: team.map((m) => ({
      unitName: m.unitName,
      unitCreditCode: m.unitCreditCode ?? undefined,
      personName: m.personName ?? undefined,
      part: m.part,
    })),
  });
  const teamField = fields.find((f) => f.name === 'team');
  if (teamField && team.length === 0)
    values.team = teamRequirement(programme) ? [emptyValues(teamField.item)] : [];
  return values;
}

/** A member row nothing was typed into. */
function blankRow(row: unknown): boolean {
  if (!row || typeof row !== 'object') return true;
  return Object.values(row).every((v) => v === undefined || v === null || v === '');
}

export type SaveContent = Pick<
  Parameters<typeof api.selection.submissions.save.mutate>[0],
  'title' | 'form' | 'team' | 'evidence'
>;

/**
 * The page's values → what `selection.submissions.save` takes: the name, the programme's form
 * (money already in fen), the member units (rows left blank are not sent: a draft may be
 * saved before they are known) and the uploads. A programme without teams keeps what it had.
 */
export function saveContent(
  programme: SelectionProgramme,
  input: Record<string, unknown>,
  evidence: readonly EvidenceItem[],
  existing: MySubmission | null,
): SaveContent {
  const { title, team, ...form } = input;
  const members = hasTeam(programme)
    ? (Array.isArray(team) ? team : []).filter((row) => !blankRow(row))
    : (existing?.team ?? []).map((m) => ({
        unitName: m.unitName,
        unitCreditCode: m.unitCreditCode ?? undefined,
        personName: m.personName ?? undefined,
        part: m.part,
      }));
  return {
    title: typeof title === 'string' ? title : '',
    form,
    team: members as TeamMember[],
    evidence: evidence.flatMap((e) => (e.fileId ? [{ kind: e.kind, fileId: e.fileId }] : [])),
  };
}

/** 揭榜挂帅: the published technology need a submission answers, as the page shows it. */
export interface NeedRef {
  id: string;
  number: string;
  title: string;
}

/** Whether the programme's submissions may name a need they answer (the API: key projects only). */
export function answersNeeds(programme: SelectionProgramme): boolean {
  return programme === 'key-project';
}

/**
 * The need part of `selection.submissions.save`: for a key project always said, `null` when none
 * (a save without it clears the need); other programmes send nothing.
 */
export function needContent(
  programme: SelectionProgramme,
  need: NeedRef | null,
): { needId?: string | null } {
  return answersNeeds(programme) ? { needId: need?.id ?? null } : {};
}

/** The documents the programme asks for: the submission's own list once saved, else the domain's. */
export function requirementsOf(
  programme: SelectionProgramme,
  existing: MySubmission | null,
): readonly EvidenceRequirementView[] {
  return existing?.evidenceRequired ?? SUBMISSION_EVIDENCE[programme];
}

/** The uploads saved with a submission. The API returns kind and file only, not the file's name. */
export function evidenceItems(
  existing: MySubmission | null,
  requirements: readonly EvidenceRequirementView[],
): EvidenceItem[] {
  const evidence = existing?.evidence ?? [];
  return evidence.map((e, i) => {
    const name = requirements.find((r) => r.kind === e.kind)?.name ?? '材料';
    const nth = evidence.slice(0, i).filter((o) => o.kind === e.kind).length;
    return {
      kind: e.kind,
      source: 'upload',
      ref: { kind: e.kind, fileId: e.fileId },
      fileId: e.fileId,
      name: `已上传的${name}${nth ? `（${nth + 1}）` : ''}`,
      sizeBytes: null,
    };
  });
}

/** Required documents not yet uploaded, in the API's words (`请上传信用承诺书`). */
export function missingEvidence(
  requirements: readonly EvidenceRequirementView[],
  items: readonly EvidenceItem[],
): { kinds: string[]; message: string | undefined } {
  const missing = requirements.filter((r) => r.required && !items.some((i) => i.kind === r.kind));
  return {
    kinds: missing.map((r) => r.kind),
    message: missing.length ? missing.map((r) => `请上传${r.name}`).join('；') : undefined,
  };
}

/**
 * The API's `fieldErrors` → errors under the page's fields: `form.site` under `site`,
 * `team.0.part` under that row's box, `team` under the list, every missing document under the
 * uploads. A key no field owns (`form` itself) goes to `_form`.
 */
export function serverErrors(error: unknown): PathErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const data = error.data as { fieldErrors?: Record<string, string[] | undefined> } | undefined;
  const out: PathErrors = {};
  for (const [key, messages] of Object.entries(data?.fieldErrors ?? {})) {
    const list = (messages ?? []).filter((m) => m.length > 0);
    if (!list.length) continue;
    const path = key.startsWith('form.')
      ? key.slice('form.'.length)
      : key.startsWith('evidence')
        ? 'evidence'
        : key === '' || key === 'form'
          ? '_form'
          : key;
    // Every missing document and every problem of the team at once; a box's first problem.
    const text = path === 'evidence' || path === 'team' ? list.join('；') : list[0];
    const before = out[path];
    out[path] = before && path === 'evidence' ? `${before}；${text}` : (before ?? text);
  }
  return out;
}
