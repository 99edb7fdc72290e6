import type { CalendarDate } from '@kc/domain';
import { FIELD_CODES, isReadableText, todayInShanghai } from '@kc/domain';
import { hasAppCode } from '../errors';
import { approvedAlliance, approvedAlliances } from '../selection/alliances';
import type { PublicDeps } from './data';

/*
 * 创新联盟 (plan 四.4) on the public pages: approved alliances, read through the registry's own
 * queries. Organisations and their member units by name and type; no ids but the page's own, no
 * people; the charter is on file with the bureau, not published.
 */

/** The registry's filters as the address carries them; anything unrecognised is left out. */
export interface AllianceQuery {
  fieldCode: string | null;
  q: string;
  page: number;
}

export const ALLIANCE_PAGE_SIZE = 20;
const MAX_KEYWORD = 50;
const MAX_PAGE = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function firstString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

export function allianceQuery(raw: Record<string, unknown> | null | undefined): AllianceQuery {
  const get = (key: string) => firstString(raw?.[key]);
  const field = get('field');
  const q = get('q') ?? '';
  const page = Number(get('page') ?? '1');
  return {
    fieldCode: (FIELD_CODES as readonly string[]).includes(field ?? '') ? field : null,
    q: isReadableText(q) ? [...q.trim()].slice(0, MAX_KEYWORD).join('').trim() : '',
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

type AllianceDto = Awaited<ReturnType<typeof approvedAlliance>>;

/** Named fields only, so nothing the registry gains later leaves by accident. */
export function publicAllianceView(a: AllianceDto) {
  return {
    id: a.id,
    number: a.number,
    name: a.name,
    fieldName: a.fieldName,
    leadOrganisationName: a.leadOrganisationName,
    areaName: a.areaName,
    purpose: a.purpose,
    members: a.members.map((m) => ({ name: m.name, unitTypeName: m.unitTypeName })),
    approvedOn: a.approvedAt ? (todayInShanghai(a.approvedAt) as CalendarDate) : null,
  };
}
export type PublicAlliance = ReturnType<typeof publicAllianceView>;

export interface AllianceRegistry {
  query: AllianceQuery;
  items: PublicAlliance[];
  total: number;
  pageCount: number;
}

export async function allianceRegistry(
  deps: PublicDeps,
  query: AllianceQuery,
): Promise<AllianceRegistry> {
  const result = await approvedAlliances(deps.db.prisma, {
    page: query.page,
    pageSize: ALLIANCE_PAGE_SIZE,
    fieldCode: query.fieldCode ?? undefined,
    q: query.q || undefined,
  });
  return {
    query,
    items: result.items.map(publicAllianceView),
    total: result.total,
    pageCount: Math.max(1, Math.ceil(result.total / ALLIANCE_PAGE_SIZE)),
  };
}

/** An approved alliance, or null for a malformed, unknown, pending, returned or dissolved id. */
export async function publicAlliance(deps: PublicDeps, id: string): Promise<PublicAlliance | null> {
  if (!UUID.test(id)) return null;
  try {
    return publicAllianceView(await approvedAlliance(deps.db.prisma, id));
  } catch (error) {
    if (hasAppCode(error, 'NOT_FOUND')) return null;
    throw error;
  }
}
