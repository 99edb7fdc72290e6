import { z } from 'zod';
import { FIELDS } from '../reference/fields';
import { codesOf, nameLookup } from '../reference/lookup';
import { ORGANISATION_TYPES } from '../reference/organisation-types';
import { choiceField, textField } from '../policy/fields';
import { toHalfWidth } from '../validate/text';

/**
 * 创新联合体 / 未来产业技术创新联盟 (plan 四.4), a registry: a lead firm (牵头企业) registers an
 * alliance with its member units, field, purpose and charter (章程); an officer of the lead's
 * area (or the bureau) approves it, returns it for changes, or later dissolves it. Approved
 * alliances are public; the people behind them are not.
 */
export const ALLIANCE_STATUSES = [
  { code: 'submitted', name: '待审核' },
  { code: 'returned', name: '退回修改' },
  { code: 'approved', name: '已通过' },
  { code: 'dissolved', name: '已撤销' },
] as const;
export type AllianceStatus = (typeof ALLIANCE_STATUSES)[number]['code'];
export const ALLIANCE_STATUS_CODES = codesOf(ALLIANCE_STATUSES);
export const allianceStatusName = nameLookup(ALLIANCE_STATUSES);

/** What an officer may do with an alliance in each status; `comment` says when words are owed. */
export const ALLIANCE_DECISIONS = {
  approve: { from: ['submitted'], to: 'approved', name: '通过', comment: null },
  return: {
    from: ['submitted'],
    to: 'returned',
    name: '退回修改',
    comment: '请写明需要修改的内容',
  },
  dissolve: { from: ['approved'], to: 'dissolved', name: '撤销', comment: '请写明撤销的原因' },
} as const satisfies Record<
  string,
  { from: readonly AllianceStatus[]; to: AllianceStatus; name: string; comment: string | null }
>;
export type AllianceDecision = keyof typeof ALLIANCE_DECISIONS;
export const ALLIANCE_DECISION_CODES = Object.keys(ALLIANCE_DECISIONS) as [
  AllianceDecision,
  ...AllianceDecision[],
];

/** The decisions an alliance's current status allows, in the order above. */
export function allianceDecisionsFor(status: string): AllianceDecision[] {
  return ALLIANCE_DECISION_CODES.filter((d) =>
    (ALLIANCE_DECISIONS[d].from as readonly string[]).includes(status),
  );
}

/** The lead firm may change its registration until an officer has approved it. */
export function allianceEditable(status: string): boolean {
  return status === 'submitted' || status === 'returned';
}

/** Besides the lead firm (which is not a member row). */
export const ALLIANCE_MIN_MEMBERS = 2;
export const ALLIANCE_MAX_MEMBERS = 50;

/**
 * A member unit: a registered organisation picked on the platform (`organisationId`; the server
 * then takes its registered name and type), or a unit named by the lead firm (a university
 * outside the city need not be registered here).
 */
export const allianceMemberSchema = z.object({
  organisationId: z.uuid({ error: '所选成员单位无效，请重新选择' }).optional(),
  name: textField('成员单位名称', { max: 100 }),
  unitType: choiceField('单位类型', ORGANISATION_TYPES),
});
export type AllianceMember = z.output<typeof allianceMemberSchema>;

/** Names that differ only in spacing or character width are the same unit. */
const nameKey = (name: string) => toHalfWidth(name).replace(/\s/g, '');

export interface AllianceMemberProblem {
  /** The member's position in the list (0-based). */
  index: number;
  message: string;
}

/**
 * What is wrong with a member list beyond each member's own fields: a unit listed twice (by its
 * registered id or its name), or the lead firm listed as its own member. The form, the API's
 * input and the API's check of registered units (after their names are read) all ask this.
 */
export function allianceMemberProblems(
  members: readonly Pick<AllianceMember, 'organisationId' | 'name'>[],
  lead?: { id: string; name: string },
): AllianceMemberProblem[] {
  const problems: AllianceMemberProblem[] = [];
  const seenIds = new Set<string>();
  const seenNames = new Set<string>();
  members.forEach((m, index) => {
    const key = nameKey(m.name);
    if (lead && (m.organisationId === lead.id || key === nameKey(lead.name))) {
      problems.push({ index, message: '牵头单位不能同时作为成员单位' });
      return;
    }
    if ((m.organisationId && seenIds.has(m.organisationId)) || seenNames.has(key))
      problems.push({ index, message: `成员单位“${m.name.trim()}”重复` });
    if (m.organisationId) seenIds.add(m.organisationId);
    seenNames.add(key);
  });
  return problems;
}

/**
 * The member list, checked as a list (so a unit twice shows while other fields are still empty):
 * each problem under the row it is about.
 */
function membersField(lead?: { id: string; name: string }) {
  return z
    .array(allianceMemberSchema, { error: '请添加成员单位' })
    .min(ALLIANCE_MIN_MEMBERS, `除牵头单位外，成员单位至少${ALLIANCE_MIN_MEMBERS}家`)
    .max(ALLIANCE_MAX_MEMBERS, `成员单位不超过${ALLIANCE_MAX_MEMBERS}家`)
    .superRefine((members, ctx) => {
      for (const p of allianceMemberProblems(members, lead))
        ctx.addIssue({ code: 'custom', path: [p.index, 'name'], message: p.message });
    })
    .meta({ title: '成员单位', description: '除牵头单位外的参加单位' });
}

function allianceShape(lead?: { id: string; name: string }) {
  return {
    name: textField('联盟名称', { min: 4, max: 60 }),
    fieldCode: choiceField('未来产业方向', FIELDS),
    purpose: textField('联盟宗旨与主要任务', {
      min: 20,
      max: 2000,
      description: '组建目的、协同攻关方向和成员分工',
    }),
    members: membersField(lead),
    charterFileId: z.uuid({ error: '请上传联盟章程' }).meta({ title: '联盟章程' }),
  };
}

/** The registration as the lead firm sends it: the mini form, the tRPC input, the stored row. */
export const allianceSchema = z.object(allianceShape());
export type AllianceInput = z.input<typeof allianceSchema>;
export type AllianceForm = z.output<typeof allianceSchema>;

/** The same, knowing the lead firm: the form refuses the lead among its own members at once. */
export function allianceSchemaFor(lead: { id: string; name: string }) {
  return z.object(allianceShape(lead));
}
