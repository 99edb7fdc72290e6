import { FIELDS, ORGANISATION_TYPES, allianceEditable } from '@kc/domain';
import type { api } from '../../api/client';
import type { EvidenceItem } from '../../components/EvidenceUploader';
import type { FieldOverrides, FormValues } from '../../forms/schema-fields';

/** One of the alliances the organisation leads, as its people see it (status, comment, charter). */
export type MyAlliance = Awaited<ReturnType<typeof api.alliances.mine.query>>[number];
/** A registered, verified organisation offered as a member unit. */
export type MemberUnit = Awaited<ReturnType<typeof api.alliances.memberUnits.query>>[number];
/** An approved alliance as anyone reads it (organisations, no people). */
export type PublicAlliance = Awaited<ReturnType<typeof api.alliances.publishedById.query>>;
export type RegistryPage = Awaited<ReturnType<typeof api.alliances.published.query>>;

/** The lead firm may change its registration until it is approved (the API's rule). */
export function canEditAlliance(a: Pick<MyAlliance, 'status'>): boolean {
  return allianceEditable(a.status);
}

/** What the lead firm is told while its registration waits. */
export const NEXT_STEPS =
  '登记已提交，待审核：由本单位所在区县科技局（或市科技局）审核，通过后在“创新联盟”公开展示联盟名称、牵头单位、成员单位和宗旨；需要修改的，将退回并附审核意见，届时可在此修改后重新提交。';

/** Whose words the comment is: the officer's request when returned, the reason when dissolved. */
export function commentLabel(status: string): string {
  return status === 'dissolved' ? '撤销原因' : '退回意见';
}

/* ---------- 登记 and 修改 ---------- */

/** The unit types a named (unregistered) member may have, for the chips. */
export const UNIT_TYPE_OPTIONS = ORGANISATION_TYPES.map((t) => ({ code: t.code, name: t.name }));

/** The registration's starting values: the alliance being corrected, or nothing. */
export function allianceFormInitial(a: MyAlliance | null): Record<string, unknown> {
  if (!a) return { members: [] };
  return {
    name: a.name,
    fieldCode: a.fieldCode,
    purpose: a.purpose,
    members: a.members.map((m) => ({
      ...(m.organisationId ? { organisationId: m.organisationId } : {}),
      name: m.name,
      unitType: m.unitType,
    })),
    charterFileId: a.charter?.id ?? '',
  };
}

/** A member row of the form: a registered unit as the platform names it. */
export function registeredMember(unit: MemberUnit): FormValues {
  return { organisationId: unit.id, name: unit.name, unitType: unit.type };
}

/** A member row of the form: a unit the lead firm names (not on the platform). */
export function namedMember(name: string, unitType: string): FormValues {
  return { organisationId: '', name: name.trim(), unitType };
}

/** Units already in the list are not offered again by the search. */
export function unitsToOffer(found: readonly MemberUnit[], rows: readonly FormValues[]) {
  const taken = new Set(rows.map((r) => r.organisationId).filter(Boolean));
  return found.filter((u) => !taken.has(u.id));
}

/** The charter as the uploader shows it: the stored file, if any. */
export function charterItems(
  charter: { id: string; originalName: string; sizeBytes: number } | null,
): EvidenceItem[] {
  return charter
    ? [
        {
          kind: CHARTER.kind,
          source: 'upload',
          ref: { kind: CHARTER.kind, fileId: charter.id },
          fileId: charter.id,
          name: charter.originalName,
          sizeBytes: charter.sizeBytes,
        },
      ]
    : [];
}

/** The one document a registration carries. */
export const CHARTER = {
  kind: 'alliance-charter',
  name: '联盟章程',
  required: true,
  note: '经成员单位协商一致、盖章的联盟章程；PDF 或照片。章程不公开，仅供科技部门审核备案',
};

export const ALLIANCE_FORM_OVERRIDES: FieldOverrides = {
  name: { placeholder: '如：宿州市低碳能源产业技术创新联盟' },
  purpose: { placeholder: '联盟的组建目的、重点攻关方向、成员分工与合作机制' },
};

/* ---------- 创新联盟 (public) ---------- */

export const REGISTRY_PAGE_SIZE = 10;

export const REGISTRY_FIELDS = [
  { code: 'all', name: '全部领域' },
  ...FIELDS.map((f) => ({ code: f.code, name: f.name })),
];

/** `alliances.published`'s input: blanks left out, the keyword trimmed (≤ 50 characters). */
export function registryQuery(filters: { fieldCode?: string; q?: string }, page: number) {
  const q = filters.q?.trim().slice(0, 50);
  return {
    page,
    pageSize: REGISTRY_PAGE_SIZE,
    ...(filters.fieldCode
      ? { fieldCode: filters.fieldCode as (typeof FIELDS)[number]['code'] }
      : {}),
    ...(q ? { q } : {}),
  };
}

/** “宿州学院（高校）、……等 12 家”: the first few members on a card. */
export function membersText(members: readonly { name: string; unitTypeName: string }[], limit = 3) {
  const names = members.slice(0, limit).map((m) => `${m.name}（${m.unitTypeName}）`);
  return members.length > limit
    ? `${names.join('、')}等 ${members.length} 家`
    : `${names.join('、')}，共 ${members.length} 家`;
}
