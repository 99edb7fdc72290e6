/**
 * What the public pages show, read through the same queries and DTOs the admin's procedures use
 * (programmes: `programmeDto`; award notices: `listPublicNotices` / `publicNoticeById` beside
 * `noticeDto`; 科技副总: `callDto` / `secondmentDto`), then narrowed to what a notice may legally
 * show: organisation, programme, area and amount; researchers by name and institution. Nothing
 * else leaves this module (no ids but the one in a page's address, no phone, no ID number).
 */
import type { Db } from '@kc/db';
import type { CalendarDate, NeedKind, NoticeObjectionContact } from '@kc/domain';
import {
  FIELD_CODES,
  NEED_KIND_CODES,
  SCENARIO_DOMAINS,
  isReadableText,
  noticePhase,
  todayInShanghai,
} from '@kc/domain';
import { programmeDto } from '../awards/programmes';
import type { NoticeDto } from '../awards/notice';
import { listPublicNotices, noticeSettingsOn, publicNoticeById } from '../awards/notice';
import { hasAppCode } from '../errors';
import { publishedNeed, publishedNeeds } from '../selection/needs';
import { listPublicVpCalls, publicVpNotice } from '../vice-president/public-notices';
import { policySetOn, policySets } from '../policy/catalogue';

export interface PublicDeps {
  db: Db;
  now: () => Date;
}

/** The policy version in force today and its programmes (the applicant's list, as guides). */
export function policyOverview(now: Date) {
  const set = policySetOn(todayInShanghai(now));
  if (!set) return null;
  const programmes = set.rules.map((rule) => {
    const p = programmeDto(set, rule);
    return {
      id: p.id,
      clause: p.clause,
      name: p.name,
      programme: p.programme,
      amountText: p.guide.amountText,
    };
  });
  return {
    title: set.title,
    issuer: set.source.issuer,
    /** 征求意见稿 or 正式印发 */
    sourceStatus: set.source.status,
    effectiveFrom: set.effectiveFrom,
    consultation: set.settings.consultationContacts.default,
    programmes,
    /** Versions adopted but not yet in force: announced on the index with their 修改对照表. */
    upcoming: policySets()
      .filter((s) => s.effectiveFrom > set.effectiveFrom)
      .map((s) => ({ id: s.id, version: s.version, effectiveFrom: s.effectiveFrom })),
  };
}

export type PolicyOverview = NonNullable<ReturnType<typeof policyOverview>>;

/** One programme's 申兑指南, or null for an id the version in force does not have. */
export function programmeGuide(now: Date, ruleId: string) {
  const set = policySetOn(todayInShanghai(now));
  const rule = set?.rules.find((r) => r.id === ruleId);
  if (!set || !rule) return null;
  const p = programmeDto(set, rule);
  return {
    id: p.id,
    clause: p.clause,
    name: p.name,
    programme: p.programme,
    policyTitle: set.title,
    sourceStatus: set.source.status,
    whoMayApply: p.guide.whoMayApply,
    conditions: p.guide.conditions,
    amountText: p.guide.amountText,
    /** The most one award can be (fen), from the formula. */
    maxAmountFen: p.maxAmountFen,
    yearlyQuota: p.yearlyQuota,
    evidence: p.guide.evidence.map((e) => ({
      name: e.name,
      required: e.required,
      note: e.note ?? null,
    })),
    timeLimit: p.guide.timeLimit,
    notes: p.guide.notes ?? [],
    consultation: p.guide.consultation,
  };
}

export type ProgrammeGuide = NonNullable<ReturnType<typeof programmeGuide>>;

/**
 * Where a notice stands for the public: `running` (objections taken), `over` (the period ended,
 * the bureau has not closed it yet), `closed` (results final).
 */
/** withdrawn: a selection's notice taken back to decide the list again (it stays readable). */
export type NoticeStage = 'running' | 'over' | 'closed' | 'withdrawn';

function stageOf(
  closed: boolean,
  period: { startsOn: CalendarDate; endsOn: CalendarDate },
  now: Date,
): NoticeStage {
  if (closed) return 'closed';
  return noticePhase(period, now) === 'over' ? 'over' : 'running';
}

interface NoticeHead {
  kind: 'award' | 'selection' | 'vp';
  id: string;
  title: string;
  stage: NoticeStage;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  /** Where objections go: the policy version's setting on the publication day. */
  objectionContact: NoticeObjectionContact;
}

/** An award notice (奖补公示) as published: the standing items only. */
export function publicAwardNotice(dto: NoticeDto, now: Date) {
  // Published batches always have both dates; a missing one would be a broken row.
  if (!dto.startsOn || !dto.endsOn) return null;
  const period = { startsOn: dto.startsOn, endsOn: dto.endsOn };
  const standing = dto.items.filter((i) => i.status !== 'pulled');
  const head: NoticeHead = {
    kind: dto.callId ? 'selection' : 'award',
    id: dto.id,
    title: dto.title,
    stage: dto.status === 'withdrawn' ? 'withdrawn' : stageOf(dto.status === 'closed', period, now),
    ...period,
    objectionContact: dto.objectionContact,
  };
  return {
    ...head,
    number: dto.number,
    workingDays: dto.workingDays,
    closedOn: dto.closedAt ? todayInShanghai(dto.closedAt) : null,
    items: standing.map((i) => ({
      organisationName: i.organisationName,
      clause: i.clause,
      ruleName: i.ruleName,
      areaName: i.areaName,
      amountFen: i.amountFen,
      /** For a closed notice: 公示期满无异议 or 异议不成立. */
      resultLabel: i.statusLabel,
    })),
    /** Items withdrawn after an upheld objection: counted, not named. */
    withdrawn: dto.items.length - standing.length,
    totalFen: dto.totalFen,
  };
}

export type PublicAwardNotice = NonNullable<ReturnType<typeof publicAwardNotice>>;

type VpNoticeData = NonNullable<Awaited<ReturnType<typeof publicVpNotice>>>;

/** A 科技副总 notice: which researcher goes to which firm. */
export function publicVpNoticeView(data: VpNoticeData, now: Date) {
  const { call } = data;
  if (!call.noticeStartsOn || !call.noticeEndsOn) return null;
  const period = { startsOn: call.noticeStartsOn, endsOn: call.noticeEndsOn };
  const head: NoticeHead = {
    kind: 'vp',
    id: call.id,
    title: call.title,
    stage: stageOf(call.status !== 'notice', period, now),
    ...period,
    objectionContact: noticeSettingsOn(period.startsOn).noticeObjectionContact,
  };
  return {
    ...head,
    number: call.number,
    pairs: data.secondments.map((s) => ({
      organisationName: s.need.organisationName,
      areaName: s.areaName,
      needTitle: s.need.title,
      researcherName: s.researcher.name,
      institutionName: s.researcher.institutionName,
    })),
  };
}

export type PublicVpNotice = NonNullable<ReturnType<typeof publicVpNoticeView>>;

/** A row of the notices list. */
export interface NoticeSummary {
  kind: 'award' | 'selection' | 'vp';
  id: string;
  title: string;
  stage: NoticeStage;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  /** Awards or pairs listed. */
  count: number;
}

/** Every published notice, award and 科技副总 alike, newest first. */
export async function noticeSummaries(deps: PublicDeps): Promise<NoticeSummary[]> {
  const now = deps.now();
  const [awards, calls] = await Promise.all([
    listPublicNotices(deps.db.prisma),
    listPublicVpCalls(deps.db.prisma),
  ]);
  const rows: NoticeSummary[] = [];
  for (const dto of awards) {
    const notice = publicAwardNotice(dto, now);
    if (notice) rows.push({ ...summaryHead(notice), count: notice.items.length });
  }
  const counts = await deps.db.prisma.vpSecondment.groupBy({
    by: ['callId'],
    where: { callId: { in: calls.map((c) => c.id) }, status: { not: 'cancelled' } },
    _count: true,
  });
  for (const call of calls) {
    const startsOn = call.noticeStartsOn;
    const endsOn = call.noticeEndsOn;
    if (!startsOn || !endsOn) continue;
    rows.push({
      kind: 'vp',
      id: call.id,
      title: call.title,
      stage: stageOf(call.status !== 'notice', { startsOn, endsOn }, now),
      startsOn,
      endsOn,
      count: counts.find((c) => c.callId === call.id)?._count ?? 0,
    });
  }
  return rows.sort((a, b) => b.startsOn.localeCompare(a.startsOn));
}

function summaryHead(n: NoticeHead): Omit<NoticeSummary, 'count'> {
  return {
    kind: n.kind,
    id: n.id,
    title: n.title,
    stage: n.stage,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
  };
}

/** Ids in page addresses are UUIDs; anything else is unknown without asking the database. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function awardNotice(deps: PublicDeps, id: string) {
  if (!UUID.test(id)) return null;
  const dto = await publicNoticeById(deps.db.prisma, id);
  return dto ? publicAwardNotice(dto, deps.now()) : null;
}

export async function vpNotice(deps: PublicDeps, id: string) {
  if (!UUID.test(id)) return null;
  const data = await publicVpNotice(deps.db.prisma, id);
  return data ? publicVpNoticeView(data, deps.now()) : null;
}

/* ------------------------------------------------------------------------------------------ */
/* 需求榜 (plan 四.1 / 四.2): published needs, read through the board's own queries (no people). */

/** The board's filters as the address carries them; anything unrecognised is left out. */
export interface NeedQuery {
  kind: NeedKind | null;
  fieldCode: string | null;
  q: string;
  page: number;
}

export const NEED_PAGE_SIZE = 20;
/** The API's limit on a keyword; a longer one is cut, not refused (a reader typed it). */
const MAX_KEYWORD = 50;
/** Far past any real board; keeps `skip` from being an arbitrary number. */
const MAX_PAGE = 1000;

function firstString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

/** Reads the query string (as the server parses it) into filters the board accepts. */
export function needQuery(raw: Record<string, unknown> | null | undefined): NeedQuery {
  const get = (key: string) => firstString(raw?.[key]);
  const kind = get('kind');
  const field = get('field');
  const q = get('q') ?? '';
  const page = Number(get('page') ?? '1');
  const keyword = isReadableText(q) ? [...q.trim()].slice(0, MAX_KEYWORD).join('').trim() : '';
  return {
    kind: (NEED_KIND_CODES as readonly string[]).includes(kind ?? '') ? (kind as NeedKind) : null,
    fieldCode: (FIELD_CODES as readonly string[]).includes(field ?? '') ? field : null,
    q: keyword,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** Money fen in a need's details: bigint as stored (superjson), or digits from an older row. */
function fenOf(value: unknown): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  return null;
}

const textOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

type NeedDto = Awaited<ReturnType<typeof publishedNeed>>;

/**
 * A published need as the public sees it: named fields only (the details are copied field by
 * field, so nothing a form may gain later leaves by accident); the organisation, never a person.
 */
export function publicNeedView(n: NeedDto) {
  const d = n.details;
  const domain = textOf(d.applicationDomain);
  return {
    id: n.id,
    number: n.number,
    kind: n.kind,
    kindName: n.kindName,
    title: n.title,
    fieldName: n.fieldName,
    subFieldName: n.subFieldName,
    areaName: n.areaName,
    organisationName: n.organisationName,
    publishedOn: n.publishedAt ? todayInShanghai(n.publishedAt) : null,
    problem: textOf(d.problem),
    /** technology */
    indicators: textOf(d.indicators),
    coFundFen: fenOf(d.coFundFen),
    deadline: textOf(d.deadline) as CalendarDate | null,
    /** scenario */
    applicationDomainName: domain
      ? (SCENARIO_DOMAINS.find((s) => s.code === domain)?.name ?? null)
      : null,
    site: textOf(d.site),
    budgetMinFen: fenOf(d.budgetMinFen),
    budgetMaxFen: fenOf(d.budgetMaxFen),
  };
}

export type PublicNeed = ReturnType<typeof publicNeedView>;

export interface NeedBoard {
  query: NeedQuery;
  items: PublicNeed[];
  total: number;
  pageCount: number;
}

export async function needBoard(deps: PublicDeps, query: NeedQuery): Promise<NeedBoard> {
  const result = await publishedNeeds(deps.db.prisma, {
    page: query.page,
    pageSize: NEED_PAGE_SIZE,
    kind: query.kind ?? undefined,
    fieldCode: query.fieldCode ?? undefined,
    q: query.q || undefined,
  });
  return {
    query,
    items: result.items.map(publicNeedView),
    total: result.total,
    pageCount: Math.max(1, Math.ceil(result.total / NEED_PAGE_SIZE)),
  };
}

/** A published need, or null for a malformed, unknown, unpublished, merged or closed id. */
export async function publicNeed(deps: PublicDeps, id: string): Promise<PublicNeed | null> {
  if (!UUID.test(id)) return null;
  try {
    return publicNeedView(await publishedNeed(deps.db.prisma, id));
  } catch (error) {
    if (hasAppCode(error, 'NOT_FOUND')) return null;
    throw error;
  }
}
