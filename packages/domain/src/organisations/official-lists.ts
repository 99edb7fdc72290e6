import { z } from 'zod';
import { plainString } from '../validate/safe-text';
import { PLATFORM_KINDS, PLATFORM_LEVELS } from '../reference/platform-levels';
import { nameLookup } from '../reference/lookup';
import { checkCreditCode } from '../validate/credit-code';
import { normaliseCode, toHalfWidth } from '../validate/text';
import { FIELDS } from '../reference/fields';
import { SCENARIO_DOMAINS, selectionYearFits } from '../policy/rules/4-1-scenario-case';
import { TALENT_TEAM_CATEGORIES } from '../policy/rules/4-5-talent-team';

/**
 * Official recognition lists the bureau holds (高企认定名单, 科技型中小企业入库名单, 平台和孵化器
 * 认定文件, and its own selection results: 典型案例名单, 人才团队名单) and imports as .xlsx or .csv.
 * A concluded selection call writes its result list in the same columns and imports it through the
 * same path (selection/result-list.ts). Pure: reading the file is the API's job; this module says
 * which columns a list has, turns a row of text cells into an entry (or a reason it cannot), gives
 * each entry its natural key (so the same row imported twice is the same entry), and says which
 * award an entry invites its organisation to (免申即享).
 */

export const OFFICIAL_LIST_KINDS = [
  { code: 'high-tech-enterprise', name: '国家高新技术企业认定名单', qualification: '高新技术企业' },
  { code: 'tech-sme', name: '科技型中小企业入库名单', qualification: '科技型中小企业' },
  { code: 'rd-platform', name: '研发平台认定名单', qualification: '研发平台' },
  { code: 'incubator', name: '科技企业孵化器认定名单', qualification: '科技企业孵化器' },
  {
    code: 'scenario-case',
    name: '市级重大应用场景典型案例名单',
    qualification: '市级重大应用场景典型案例',
  },
  {
    code: 'talent-team',
    name: '市级高层次科技人才团队名单',
    qualification: '市级高层次科技人才团队依托单位',
  },
] as const;
export type OfficialListKind = (typeof OFFICIAL_LIST_KINDS)[number]['code'];
export const OFFICIAL_LIST_KIND_CODES = OFFICIAL_LIST_KINDS.map((k) => k.code) as [
  OfficialListKind,
  ...OfficialListKind[],
];
export const officialListKindName = nameLookup(OFFICIAL_LIST_KINDS);
/** What an entry of the list proves, as a qualification (已核验资质). */
export function verifiedQualificationName(kind: string): string {
  return OFFICIAL_LIST_KINDS.find((k) => k.code === kind)?.qualification ?? '资质';
}

export interface ListColumn {
  /** The field of the entry it fills. */
  readonly key: string;
  /** The header the template uses. */
  readonly title: string;
  /** Other headers seen on real lists. */
  readonly aliases: readonly string[];
  readonly required: boolean;
}

const CREDIT_CODE: ListColumn = {
  key: 'creditCode',
  title: '统一社会信用代码',
  aliases: ['信用代码', '社会信用代码', '统一代码'],
  required: true,
};
/** A platform list names the host's code under its own title; the plain title is accepted too. */
const hostCreditCode = (title: string): ListColumn => ({
  ...CREDIT_CODE,
  title,
  aliases: [CREDIT_CODE.title, ...CREDIT_CODE.aliases],
});

/** The selection call's submission a result list names (申报编号), so its attachments carry over. */
const SUBMISSION_NUMBER: ListColumn = {
  key: 'submissionNumber',
  title: '申报编号',
  aliases: ['评选申报编号'],
  required: false,
};
const FIELD_COLUMN: ListColumn = {
  key: 'fieldCode',
  title: '未来产业方向',
  aliases: ['产业方向', '所属方向'],
  required: false,
};

/** The columns of each list, in template order. Headers match ignoring spaces and （）/() widths. */
export const LIST_COLUMNS: Record<OfficialListKind, readonly ListColumn[]> = {
  'high-tech-enterprise': [
    { key: 'documentNo', title: '证书编号', aliases: ['高企证书编号', '证书号'], required: true },
    CREDIT_CODE,
    { key: 'name', title: '企业名称', aliases: ['单位名称', '名称'], required: true },
    { key: 'recognisedOn', title: '发证日期', aliases: ['认定日期', '发证时间'], required: true },
    {
      key: 'recognitionType',
      title: '认定类型',
      aliases: ['类型', '认定类别'],
      required: true,
    },
    {
      key: 'previousCertificateNo',
      title: '上一次证书编号',
      aliases: ['原证书编号'],
      required: false,
    },
  ],
  'tech-sme': [
    { key: 'documentNo', title: '入库登记编号', aliases: ['登记编号', '入库编号'], required: true },
    CREDIT_CODE,
    { key: 'name', title: '企业名称', aliases: ['单位名称', '名称'], required: true },
    { key: 'recognisedOn', title: '入库日期', aliases: ['入库时间', '登记日期'], required: true },
  ],
  'rd-platform': [
    { key: 'platformName', title: '平台名称', aliases: ['研发平台名称'], required: true },
    { key: 'platformKind', title: '平台类别', aliases: ['类别', '平台类型'], required: true },
    { key: 'level', title: '认定级别', aliases: ['级别'], required: true },
    hostCreditCode('依托单位统一社会信用代码'),
    { key: 'name', title: '依托单位名称', aliases: ['依托单位', '单位名称'], required: true },
    { key: 'recognisedOn', title: '认定日期', aliases: ['发文日期'], required: true },
    { key: 'documentNo', title: '认定文号', aliases: ['文号', '认定文件文号'], required: true },
  ],
  incubator: [
    { key: 'platformName', title: '孵化器名称', aliases: ['名称'], required: true },
    { key: 'level', title: '认定级别', aliases: ['级别'], required: true },
    hostCreditCode('运营单位统一社会信用代码'),
    { key: 'name', title: '运营单位名称', aliases: ['运营单位', '运营机构'], required: true },
    { key: 'recognisedOn', title: '认定日期', aliases: ['发文日期'], required: true },
    { key: 'documentNo', title: '认定文号', aliases: ['文号', '认定文件文号'], required: true },
  ],
  'scenario-case': [
    { key: 'caseName', title: '案例名称', aliases: ['典型案例名称', '场景名称'], required: true },
    { key: 'applicationDomain', title: '应用领域', aliases: ['场景领域'], required: true },
    FIELD_COLUMN,
    hostCreditCode('申报单位统一社会信用代码'),
    { key: 'name', title: '申报单位名称', aliases: ['申报单位', '单位名称'], required: true },
    { key: 'recognisedOn', title: '入选日期', aliases: ['发文日期', '公布日期'], required: true },
    { key: 'documentNo', title: '入选文件文号', aliases: ['文号'], required: true },
    // 四.1 counts a case in its selection's year (a "2026年度" list may be issued in 2027): a
    // concluded call writes its 年度 here; a list without the column counts by 入选日期.
    {
      key: 'selectionYear',
      title: '评选年度',
      aliases: ['年度', '入选年度', '评选年份'],
      required: false,
    },
    SUBMISSION_NUMBER,
  ],
  'talent-team': [
    { key: 'teamName', title: '团队名称', aliases: ['人才团队名称'], required: true },
    { key: 'leaderName', title: '团队带头人', aliases: ['带头人', '团队负责人'], required: true },
    { key: 'category', title: '团队类别', aliases: ['类别'], required: true },
    FIELD_COLUMN,
    hostCreditCode('依托单位统一社会信用代码'),
    { key: 'name', title: '依托单位名称', aliases: ['依托单位', '单位名称'], required: true },
    { key: 'recognisedOn', title: '获批日期', aliases: ['发文日期'], required: true },
    { key: 'documentNo', title: '获批文件文号', aliases: ['文号'], required: true },
    SUBMISSION_NUMBER,
  ],
};

function foldHeader(s: string): string {
  return toHalfWidth(s).replace(/[\s*＊]/g, '');
}

/**
 * Which column of the sheet holds each field, from the header row; and the required headers
 * that are missing (the import is then refused as a whole, naming them).
 */
export function mapListHeader(
  kind: OfficialListKind,
  header: readonly string[],
): { columns: Record<string, number>; missing: string[] } {
  const folded = header.map((h) => foldHeader(h ?? ''));
  const columns: Record<string, number> = {};
  const missing: string[] = [];
  for (const col of LIST_COLUMNS[kind]) {
    const names = [col.title, ...col.aliases].map(foldHeader);
    const index = folded.findIndex((h) => names.includes(h));
    if (index >= 0) columns[col.key] = index;
    else if (col.required) missing.push(col.title);
  }
  return { columns, missing };
}

/**
 * 2026-10-15, 2026/10/15, 2026.10.15, 2026年10月15日, 20261015 → 2026-10-15; anything else
 * (a day that does not exist included) → null.
 */
export function parseListDate(input: string): string | null {
  const text = toHalfWidth(input).trim();
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const HTE_RECOGNITION: Record<string, 'first' | 're'> = {
  首次认定: 'first',
  首次: 'first',
  新认定: 'first',
  再次认定: 're',
  重新认定: 're',
  复审: 're',
  再次: 're',
};

const LEVELS: Record<string, 'national' | 'provincial' | 'city'> = Object.fromEntries(
  PLATFORM_LEVELS.flatMap((l) => [
    [l.name, l.code],
    [l.name.replace('级', ''), l.code],
  ]),
) as Record<string, 'national' | 'provincial' | 'city'>;

const PLATFORM_KIND_BY_NAME: Record<string, string> = Object.fromEntries(
  PLATFORM_KINDS.map((k) => [k.name, k.code]),
);

/** One committed entry of a list, as the database keeps it. */
export interface ListEntry {
  readonly kind: OfficialListKind;
  /** Natural key: the same recognition has the same key in every file it appears in. */
  readonly entryKey: string;
  readonly creditCode: string;
  readonly name: string;
  readonly documentNo: string;
  readonly recognisedOn: string;
  readonly level: 'national' | 'provincial' | 'city' | null;
  readonly detail: {
    readonly recognitionType?: 'first' | 're';
    readonly previousCertificateNo?: string;
    readonly platformName?: string;
    readonly platformKind?: string;
    readonly caseName?: string;
    readonly applicationDomain?: string;
    /** 典型案例: the selection's year (评选年度) when the list names it */
    readonly selectionYear?: number;
    readonly fieldCode?: string;
    readonly teamName?: string;
    readonly leaderName?: string;
    readonly category?: string;
    readonly submissionNumber?: string;
  };
}

export type ParsedListRow = { ok: true; entry: ListEntry } | { ok: false; reasons: string[] };

const HTE_CERTIFICATE = /^GR\d{12}$/;
/** Lists whose document number is a code (normalised like a credit code). */
const CODE_NUMBERED = new Set<OfficialListKind>(['high-tech-enterprise', 'tech-sme']);

/** A row of text cells (by field, from `mapListHeader`) → an entry, or every reason it is not one. */
export function parseListRow(
  kind: OfficialListKind,
  cells: Readonly<Record<string, string | undefined>>,
): ParsedListRow {
  const reasons: string[] = [];
  const cell = (key: string) => (cells[key] ?? '').trim();
  const title = (key: string) => LIST_COLUMNS[kind].find((c) => c.key === key)?.title ?? key;

  const code = checkCreditCode(cell('creditCode'));
  if (!cell('creditCode')) reasons.push(`${title('creditCode')}：未填写`);
  else if (!code.ok) reasons.push(`${title('creditCode')}：${code.message}`);
  const name = cell('name').replace(/\s+/g, ' ');
  if (!name) reasons.push(`${title('name')}：未填写`);
  const recognisedOn = parseListDate(cell('recognisedOn'));
  if (!cell('recognisedOn')) reasons.push(`${title('recognisedOn')}：未填写`);
  else if (!recognisedOn)
    reasons.push(
      `${title('recognisedOn')}：“${cell('recognisedOn')}”不是有效日期（如 2026-10-15）`,
    );
  // Certificate and registration numbers are codes (GR2026…); a 文号 keeps its dashes and brackets.
  const documentNo = CODE_NUMBERED.has(kind)
    ? normaliseCode(cell('documentNo'))
    : toHalfWidth(cell('documentNo')).replace(/\s+/g, '');
  if (!documentNo) reasons.push(`${title('documentNo')}：未填写`);

  let level: ListEntry['level'] = null;
  const detail: { -readonly [K in keyof ListEntry['detail']]: ListEntry['detail'][K] } = {};
  let entryKey = documentNo;

  if (kind === 'high-tech-enterprise') {
    if (documentNo && !HTE_CERTIFICATE.test(documentNo))
      reasons.push('证书编号：应为 GR 加 12 位数字，如 GR202634001234');
    if (
      recognisedOn &&
      HTE_CERTIFICATE.test(documentNo) &&
      documentNo.slice(2, 6) !== recognisedOn.slice(0, 4)
    )
      reasons.push(`证书编号中的年份 ${documentNo.slice(2, 6)} 与发证日期 ${recognisedOn} 不一致`);
    const type = HTE_RECOGNITION[cell('recognitionType').replace(/\s/g, '')];
    if (!cell('recognitionType')) reasons.push('认定类型：未填写');
    else if (!type)
      reasons.push(`认定类型：“${cell('recognitionType')}”应为“首次认定”或“再次认定”`);
    else detail.recognitionType = type;
    const previous = normaliseCode(cell('previousCertificateNo'));
    if (previous) {
      if (!HTE_CERTIFICATE.test(previous)) reasons.push('上一次证书编号：应为 GR 加 12 位数字');
      else if (previous === documentNo) reasons.push('上一次证书编号：与本次证书编号相同');
      else detail.previousCertificateNo = previous;
    }
  }
  if (kind === 'rd-platform' || kind === 'incubator') {
    const platformName = cell('platformName').replace(/\s+/g, ' ');
    if (!platformName) reasons.push(`${title('platformName')}：未填写`);
    detail.platformName = platformName;
    level = LEVELS[cell('level').replace(/\s/g, '')] ?? null;
    if (!cell('level')) reasons.push('认定级别：未填写');
    else if (!level) reasons.push(`认定级别：“${cell('level')}”应为国家级、省级或市级`);
    if (kind === 'rd-platform') {
      const kindName = cell('platformKind');
      detail.platformKind = PLATFORM_KIND_BY_NAME[kindName] ?? 'other';
      if (!kindName) reasons.push('平台类别：未填写');
    }
    // A platform is recognised once per level: the key is the level and the platform's name.
    entryKey = `${level ?? '?'}:${toHalfWidth(platformName).replace(/\s/g, '')}`;
  }

  if (kind === 'scenario-case' || kind === 'talent-team') {
    const field = cell('fieldCode');
    if (field) {
      const fieldCode = byNameOrCode(FIELDS, field);
      if (fieldCode) detail.fieldCode = fieldCode;
      else reasons.push(`未来产业方向：“${field}”不是方案所列的产业方向`);
    }
    // SZKC-SB-2027-00003: its dashes are part of it.
    const submissionNumber = toHalfWidth(cell('submissionNumber')).replace(/\s/g, '').toUpperCase();
    if (submissionNumber) detail.submissionNumber = submissionNumber;
  }
  if (kind === 'scenario-case') {
    const caseName = cell('caseName').replace(/\s+/g, ' ');
    if (!caseName) reasons.push('案例名称：未填写');
    detail.caseName = caseName;
    const domain = byNameOrCode(SCENARIO_DOMAINS, cell('applicationDomain'));
    if (!cell('applicationDomain')) reasons.push('应用领域：未填写');
    else if (!domain)
      reasons.push(
        `应用领域：“${cell('applicationDomain')}”应为${SCENARIO_DOMAINS.map((d) => d.name).join('、')}之一`,
      );
    else detail.applicationDomain = domain;
    const yearText = toHalfWidth(cell('selectionYear')).replace(/\s/g, '');
    if (yearText) {
      // 2026, 2026年, 2026年度
      const written = /^(\d{4})(年度?)?$/.exec(yearText);
      const selectionYear = Number(written?.[1]);
      if (!written) reasons.push(`评选年度：“${cell('selectionYear')}”应为四位年份，如 2026`);
      else if (recognisedOn && !selectionYearFits(selectionYear, recognisedOn))
        reasons.push(
          `评选年度 ${selectionYear} 与入选日期 ${recognisedOn} 不符（应为入选日期所在年份或前后一年）`,
        );
      else detail.selectionYear = selectionYear;
    }
    // 四.1 counts cases per selection year: the same case on the same year's list is one entry.
    const year = detail.selectionYear ?? recognisedOn?.slice(0, 4) ?? '?';
    entryKey = `${year}:${toHalfWidth(caseName).replace(/\s/g, '')}`;
  }
  if (kind === 'talent-team') {
    const teamName = cell('teamName').replace(/\s+/g, ' ');
    if (!teamName) reasons.push('团队名称：未填写');
    detail.teamName = teamName;
    const leaderName = cell('leaderName').replace(/\s+/g, '');
    if (!leaderName) reasons.push('团队带头人：未填写');
    detail.leaderName = leaderName;
    const category = byNameOrCode(TALENT_TEAM_CATEGORIES, cell('category').toUpperCase());
    if (!cell('category')) reasons.push('团队类别：未填写');
    else if (!category) reasons.push(`团队类别：“${cell('category')}”应为A类、B类或C类`);
    else detail.category = category;
    // A team is approved once at its host: the key is the host and the team's name.
    entryKey = `${code.ok ? code.value : '?'}:${toHalfWidth(teamName).replace(/\s/g, '')}`;
  }

  if (reasons.length > 0 || !code.ok || !recognisedOn) return { ok: false, reasons };
  return {
    ok: true,
    entry: {
      kind,
      entryKey,
      creditCode: code.value,
      name,
      documentNo,
      recognisedOn,
      level,
      detail,
    },
  };
}

/** A cell that holds a reference entry's Chinese name (as lists write it) or its code. */
function byNameOrCode(
  table: readonly { readonly code: string; readonly name: string }[],
  text: string,
): string | undefined {
  const folded = toHalfWidth(text).replace(/\s/g, '');
  return table.find((e) => e.name === folded || e.code === folded)?.code;
}

/** Names that differ only in spacing or bracket width are the same name. */
export function sameOrganisationName(a: string, b: string): boolean {
  const fold = (s: string) => toHalfWidth(s).replace(/\s/g, '');
  return fold(a) === fold(b);
}

/**
 * 免申即享: the award an entry invites its organisation to, with the rule's input filled from the
 * entry, and the evidence kind the list itself stands for. Null when the policy pays nothing for
 * it (科技型中小企业入库; a city-level R&D platform). `missing` names inputs the list lacks (a
 * re-recognised firm's previous certificate, when neither the row nor an earlier list gives it):
 * the administrator fills those before confirming.
 */
export function invitationFor(
  entry: ListEntry,
  known: { previousCertificateNo?: string | undefined } = {},
): {
  ruleId: string;
  input: Record<string, unknown>;
  evidenceKind: string;
  missing: string[];
} | null {
  if (entry.kind === 'high-tech-enterprise') {
    const recognitionType = entry.detail.recognitionType ?? 'first';
    const previous = entry.detail.previousCertificateNo ?? known.previousCertificateNo;
    return {
      ruleId: 'high-tech-enterprise',
      input: {
        recognitionType,
        certificateNo: entry.documentNo,
        certifiedOn: entry.recognisedOn,
        ...(recognitionType === 're' && previous ? { previousCertificateNo: previous } : {}),
      },
      evidenceKind: 'high-tech-certificate',
      missing: recognitionType === 're' && !previous ? ['previousCertificateNo'] : [],
    };
  }
  if (
    entry.kind === 'rd-platform' &&
    (entry.level === 'national' || entry.level === 'provincial')
  ) {
    return {
      ruleId: 'rd-platform',
      input: {
        platformName: entry.detail.platformName,
        platformKind: entry.detail.platformKind ?? 'other',
        level: entry.level,
        recognisedOn: entry.recognisedOn,
        recognitionDocNo: entry.documentNo,
      },
      evidenceKind: 'recognition-document',
      missing: [],
    };
  }
  if (entry.kind === 'scenario-case') {
    return {
      ruleId: 'scenario-case',
      input: {
        caseName: entry.detail.caseName,
        applicationDomain: entry.detail.applicationDomain,
        ...(entry.detail.fieldCode ? { fieldCode: entry.detail.fieldCode } : {}),
        selectedOn: entry.recognisedOn,
        selectionDocNo: entry.documentNo,
        // The list's year, when it names one: the award counts there, not in the document's year.
        ...(entry.detail.selectionYear !== undefined
          ? { selectionYear: entry.detail.selectionYear }
          : {}),
      },
      evidenceKind: 'selection-notice',
      missing: [],
    };
  }
  if (entry.kind === 'talent-team') {
    return {
      ruleId: 'talent-team',
      input: {
        teamName: entry.detail.teamName,
        leaderName: entry.detail.leaderName,
        category: entry.detail.category,
        ...(entry.detail.fieldCode ? { fieldCode: entry.detail.fieldCode } : {}),
        approvedOn: entry.recognisedOn,
        approvalDocNo: entry.documentNo,
      },
      evidenceKind: 'approval-document',
      missing: [],
    };
  }
  if (entry.kind === 'incubator' && entry.level) {
    return {
      ruleId: 'incubator',
      input: {
        incubatorName: entry.detail.platformName,
        level: entry.level,
        recognisedOn: entry.recognisedOn,
        recognitionDocNo: entry.documentNo,
      },
      evidenceKind: 'recognition-document',
      missing: [],
    };
  }
  return null;
}

export const LIST_ROW_OUTCOMES = [
  { code: 'matched', name: '已匹配平台单位' },
  { code: 'unmatched', name: '平台暂无该单位' },
  { code: 'conflict', name: '信息不一致' },
  { code: 'invalid', name: '数据有误' },
  { code: 'unchanged', name: '已导入过（无变化）' },
] as const;
export type ListRowOutcome = (typeof LIST_ROW_OUTCOMES)[number]['code'];
export const listRowOutcomeName = nameLookup(LIST_ROW_OUTCOMES);

export const listImportKindSchema = z.enum(OFFICIAL_LIST_KIND_CODES, { error: '请选择名单类型' });

export const INVITATION_STATUSES = [
  { code: 'invited', name: '待确认' },
  { code: 'confirmed', name: '已确认申领' },
  { code: 'declined', name: '已放弃' },
  { code: 'void', name: '已失效' },
] as const;
export const invitationStatusName = nameLookup(INVITATION_STATUSES);

/**
 * The online 信用承诺 an administrator makes when confirming an invitation (it stands for the
 * signed 信用承诺书 unless the 资料库 holds a valid one).
 */
export const EXEMPTION_COMMITMENT_TEXT =
  '本单位承诺：所提供的信息真实、准确、完整；同一事项未重复申报，也未获得其他市级财政同类奖补；' +
  '如有虚假或重复获得，自愿退回奖补资金，并承担相应责任。';

/** 确认申领: what the list could not fill, and the commitment. Shared by the form and the API. */
export const invitationConfirmFormSchema = z.object({
  previousCertificateNo: plainString({ error: '请填写上一次证书编号' })
    .transform(normaliseCode)
    .pipe(
      plainString().regex(HTE_CERTIFICATE, '上一次证书编号应为 GR 加 12 位数字，如 GR202334001111'),
    )
    .optional()
    .meta({ title: '上一次证书编号', description: '再次认定的，填写上一次高新技术企业证书编号' }),
  commitment: z
    .literal(true, { error: '请阅读并勾选信用承诺' })
    .meta({ title: '信用承诺', description: EXEMPTION_COMMITMENT_TEXT }),
});
export type InvitationConfirmForm = z.input<typeof invitationConfirmFormSchema>;

export const invitationDeclineSchema = z.object({
  reason: plainString()
    .trim()
    .max(200, '原因不能超过200个字')
    .optional()
    .meta({ title: '放弃原因' }),
});

/**
 * The bureau's view of 免申即享, as a funnel: every invitation sent (invited), those confirmed
 * into an application, those approved (approved or any later step), those paid; and the
 * invitations still waiting, declined or void.
 */
export const EXEMPTION_STAGES = [
  { code: 'invited', name: '已邀请' },
  { code: 'confirmed', name: '已确认申领' },
  { code: 'approved', name: '已批准' },
  { code: 'paid', name: '已拨付' },
  { code: 'waiting', name: '待确认' },
  { code: 'declined', name: '已放弃' },
  { code: 'void', name: '已失效' },
] as const;
export type ExemptionStage = (typeof EXEMPTION_STAGES)[number]['code'];
export const EXEMPTION_STAGE_CODES = EXEMPTION_STAGES.map((s) => s.code) as [
  ExemptionStage,
  ...ExemptionStage[],
];
export const exemptionStageName = nameLookup(EXEMPTION_STAGES);

export const LIST_IMPORT_STATUSES = [
  { code: 'preview', name: '待确认导入' },
  { code: 'committed', name: '已导入' },
  { code: 'discarded', name: '已放弃' },
] as const;
export type ListImportStatus = (typeof LIST_IMPORT_STATUSES)[number]['code'];
export const listImportStatusName = nameLookup(LIST_IMPORT_STATUSES);
export const LIST_ROW_OUTCOME_CODES = LIST_ROW_OUTCOMES.map((o) => o.code) as [
  ListRowOutcome,
  ...ListRowOutcome[],
];
