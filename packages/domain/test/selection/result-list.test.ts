import { describe, expect, it } from 'vitest';
import type { ResultListSubmission } from '../../src';
import {
  LIST_COLUMNS,
  SUZHOU_FUTURE_2026_DRAFT,
  invitationFor,
  mapListHeader,
  parseListRow,
  policyRule,
  resultDocumentProblems,
  resultListCells,
  resultListKind,
  resultListSheet,
  resultListTitle,
} from '../../src';

const SUQING = { name: '安徽宿氢新能源科技有限公司', creditCode: '91341300MA2N8H4QXE' };
const COLLEGE = { name: '宿州创新理工学院', creditCode: '12341300MB1957066X' };
const DOCUMENT = { documentNo: '宿科〔2027〕12号', issuedOn: '2027-09-20' };
/** The call's 年度. */
const YEAR = 2027;

const CASE: ResultListSubmission = {
  number: 'SZKC-SB-2027-00003',
  form: {
    caseName: '氢能重卡城市物流示范',
    applicationDomain: 'industry',
    fieldCode: 'low-carbon-energy',
    site: '宿马园区',
    summary: '……',
  },
  category: null,
  organisation: SUQING,
};
const TEAM: ResultListSubmission = {
  number: 'SZKC-SB-2027-00011',
  form: { teamName: '固态储氢材料创新团队', leaderName: '陈立', fieldCode: 'low-carbon-energy' },
  category: 'B',
  organisation: COLLEGE,
};

/** The sheet read back as an upload would be: header mapped, each row parsed. */
function readBack(
  kind: 'scenario-case' | 'talent-team',
  submissions: ResultListSubmission[],
  document = DOCUMENT,
  year = YEAR,
) {
  const sheet = resultListSheet(kind, submissions, document, year);
  const { columns, missing } = mapListHeader(kind, sheet.header);
  expect(missing).toEqual([]);
  return sheet.rows.map((row) =>
    parseListRow(
      kind,
      Object.fromEntries(Object.entries(columns).map(([key, i]) => [key, row[i] ?? ''])),
    ),
  );
}

function passesRule(ruleId: string, input: unknown): boolean {
  const rule = policyRule(SUZHOU_FUTURE_2026_DRAFT, ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return rule.inputSchema.safeParse(input).success;
}

describe('a concluded call’s result list', () => {
  it('is an official list for cases and teams only; projects become projects', () => {
    expect(resultListKind('scenario-case')).toBe('scenario-case');
    expect(resultListKind('talent-team')).toBe('talent-team');
    expect(resultListKind('key-project')).toBeNull();
    expect(resultListKind('disruptive-tech')).toBeNull();
    expect(resultListTitle('scenario-case', 2027)).toBe('2027年市级重大应用场景典型案例名单');
  });

  it('writes a case in Chinese words, read back into an entry that invites to 四.1', () => {
    expect(resultListCells('scenario-case', CASE, DOCUMENT, YEAR)).toMatchObject({
      caseName: '氢能重卡城市物流示范',
      applicationDomain: '产业发展',
      name: SUQING.name,
      recognisedOn: '2027-09-20',
      documentNo: '宿科〔2027〕12号',
      selectionYear: '2027',
    });
    const [parsed] = readBack('scenario-case', [CASE]);
    if (!parsed?.ok) throw new Error(JSON.stringify(parsed));
    expect(parsed.entry).toMatchObject({
      kind: 'scenario-case',
      entryKey: '2027:氢能重卡城市物流示范',
      creditCode: SUQING.creditCode,
      detail: {
        caseName: '氢能重卡城市物流示范',
        applicationDomain: 'industry',
        fieldCode: 'low-carbon-energy',
        submissionNumber: 'SZKC-SB-2027-00003',
        selectionYear: 2027,
      },
    });
    const invitation = invitationFor(parsed.entry);
    expect(invitation).toEqual({
      ruleId: 'scenario-case',
      input: {
        caseName: '氢能重卡城市物流示范',
        applicationDomain: 'industry',
        fieldCode: 'low-carbon-energy',
        selectedOn: '2027-09-20',
        selectionDocNo: '宿科〔2027〕12号',
        selectionYear: 2027,
      },
      evidenceKind: 'selection-notice',
      missing: [],
    });
    expect(passesRule('scenario-case', invitation?.input)).toBe(true);
  });

  it('names the call’s year, not the document’s: a 2026 call concluded in February 2027', () => {
    const february = { documentNo: '宿科〔2027〕3号', issuedOn: '2027-02-10' };
    expect(resultListCells('scenario-case', CASE, february, 2026)).toMatchObject({
      recognisedOn: '2027-02-10',
      selectionYear: '2026',
    });
    const [parsed] = readBack('scenario-case', [CASE], february, 2026);
    if (!parsed?.ok) throw new Error(JSON.stringify(parsed));
    // One of 2026's cases: keyed, invited and counted there.
    expect(parsed.entry.entryKey).toBe('2026:氢能重卡城市物流示范');
    expect(parsed.entry.recognisedOn).toBe('2027-02-10');
    const invitation = invitationFor(parsed.entry);
    expect(invitation?.input).toMatchObject({ selectedOn: '2027-02-10', selectionYear: 2026 });
    const rule = policyRule(SUZHOU_FUTURE_2026_DRAFT, 'scenario-case');
    const input = rule?.inputSchema.parse(invitation?.input);
    expect(rule?.quotaYear?.(input)).toBe(2026);
  });

  it('writes a team with its decided category, read back into an entry that invites to 四.5', () => {
    const [parsed] = readBack('talent-team', [TEAM]);
    if (!parsed?.ok) throw new Error(JSON.stringify(parsed));
    expect(parsed.entry.entryKey).toBe(`${COLLEGE.creditCode}:固态储氢材料创新团队`);
    const invitation = invitationFor(parsed.entry);
    expect(invitation?.input).toEqual({
      teamName: '固态储氢材料创新团队',
      leaderName: '陈立',
      category: 'B',
      fieldCode: 'low-carbon-energy',
      approvedOn: '2027-09-20',
      approvalDocNo: '宿科〔2027〕12号',
    });
    expect(invitation?.evidenceKind).toBe('approval-document');
    expect(passesRule('talent-team', invitation?.input)).toBe(true);
  });

  it('has every column a row of its own fills, in the list’s order', () => {
    for (const kind of ['scenario-case', 'talent-team'] as const) {
      const sheet = resultListSheet(kind, [kind === 'talent-team' ? TEAM : CASE], DOCUMENT, YEAR);
      expect(sheet.header).toEqual(LIST_COLUMNS[kind].map((c) => c.title));
      expect(sheet.rows[0]?.every((cell) => cell !== '')).toBe(true);
    }
  });
});

describe('a case or team list the bureau uploads by hand', () => {
  const caseRow = {
    caseName: '智慧矿山无人巡检',
    applicationDomain: '城市建管',
    creditCode: SUQING.creditCode,
    name: SUQING.name,
    recognisedOn: '2026年11月2日',
    documentNo: '宿科〔2026〕30号',
  };

  it('takes a domain, field or category by its name or its code', () => {
    const parsed = parseListRow('scenario-case', { ...caseRow, applicationDomain: 'livelihood' });
    expect(parsed.ok && parsed.entry.detail.applicationDomain).toBe('livelihood');
    const team = parseListRow('talent-team', {
      teamName: '量子精密测量团队',
      leaderName: '王 敏',
      category: 'a类',
      creditCode: COLLEGE.creditCode,
      name: COLLEGE.name,
      recognisedOn: '2026-11-02',
      documentNo: '宿科〔2026〕31号',
    });
    expect(team.ok && team.entry.detail).toMatchObject({ category: 'A', leaderName: '王敏' });
  });

  it('gives every reason a row is refused, in the officer’s words', () => {
    const parsed = parseListRow('scenario-case', {
      ...caseRow,
      caseName: '',
      applicationDomain: '农业',
      fieldCode: '区块链',
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reasons).toEqual([
      '未来产业方向：“区块链”不是方案所列的产业方向',
      '案例名称：未填写',
      '应用领域：“农业”应为产业发展、城市建管、社会民生、新型基础设施之一',
    ]);
    const team = parseListRow('talent-team', {
      teamName: '团队',
      leaderName: '',
      category: 'D类',
      creditCode: COLLEGE.creditCode,
      name: COLLEGE.name,
      recognisedOn: '2026-11-02',
      documentNo: '宿科〔2026〕31号',
    });
    expect(!team.ok && team.reasons).toEqual([
      '团队带头人：未填写',
      '团队类别：“D类”应为A类、B类或C类',
    ]);
  });

  it('keys a case by its year, so the same case on next year’s list is another entry', () => {
    const a = parseListRow('scenario-case', caseRow);
    const b = parseListRow('scenario-case', { ...caseRow, recognisedOn: '2027-03-01' });
    expect(a.ok && a.entry.entryKey).toBe('2026:智慧矿山无人巡检');
    expect(b.ok && b.entry.entryKey).toBe('2027:智慧矿山无人巡检');
  });

  it('takes the list’s 评选年度 when it has one: the case is keyed and invited in that year', () => {
    const header = ['案例名称', '应用领域', '申报单位统一社会信用代码', '申报单位名称', '入选日期'];
    const mapped = mapListHeader('scenario-case', [...header, '入选文件文号', '年度']);
    expect(mapped.missing).toEqual([]);
    expect(mapped.columns.selectionYear).toBe(6);
    const issuedNextYear = { ...caseRow, recognisedOn: '2027-02-10' };
    for (const written of ['2026', '2026年', '２０２６年度', ' 2026 ']) {
      const parsed = parseListRow('scenario-case', { ...issuedNextYear, selectionYear: written });
      if (!parsed.ok) throw new Error(`${written}: ${parsed.reasons.join('；')}`);
      expect(parsed.entry.entryKey).toBe('2026:智慧矿山无人巡检');
      expect(parsed.entry.detail.selectionYear).toBe(2026);
      expect(invitationFor(parsed.entry)?.input).toMatchObject({ selectionYear: 2026 });
    }
    // A blank cell: by the 入选日期, and the invitation leaves the year to the rule.
    const blank = parseListRow('scenario-case', { ...issuedNextYear, selectionYear: '' });
    expect(blank.ok && blank.entry.entryKey).toBe('2027:智慧矿山无人巡检');
    expect(blank.ok && invitationFor(blank.entry)?.input).not.toHaveProperty('selectionYear');
  });

  it('refuses a 评选年度 that is not a year, or more than a year from the 入选日期', () => {
    const row = { ...caseRow, recognisedOn: '2027-02-10' };
    const far = parseListRow('scenario-case', { ...row, selectionYear: '2025' });
    expect(!far.ok && far.reasons).toEqual([
      '评选年度 2025 与入选日期 2027-02-10 不符（应为入选日期所在年份或前后一年）',
    ]);
    const text = parseListRow('scenario-case', { ...row, selectionYear: '二〇二六' });
    expect(!text.ok && text.reasons).toEqual(['评选年度：“二〇二六”应为四位年份，如 2026']);
  });
});

describe('the result document', () => {
  it('is dated on or after the notice’s last day and not after today', () => {
    const context = { noticeEndsOn: '2027-09-15', today: '2027-09-22' };
    expect(resultDocumentProblems(DOCUMENT, context)).toEqual({});
    expect(
      resultDocumentProblems({ ...DOCUMENT, issuedOn: '2027-09-10' }, context).issuedOn,
    ).toEqual(['印发日期不能早于公示截止日 2027-09-15']);
    expect(
      resultDocumentProblems({ ...DOCUMENT, issuedOn: '2027-09-23' }, context).issuedOn,
    ).toEqual(['印发日期不能晚于今天']);
  });
});
