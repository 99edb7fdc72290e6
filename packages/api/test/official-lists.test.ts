import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchPendingEntries } from '../src/organisations/official-lists/match';
import { creditCode, firmInput } from './fixtures';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import {
  DEMO,
  SAMPLE_FILES,
  hteCsv,
  importSample,
  organisationByCode,
  previewOf,
  sampleBytes,
  uploadList,
} from './official-list-support';
import { verifiedInDb } from './org-support';
import { storedFile } from './verification-support';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const counts = (c: Partial<Record<string, number>>) => ({
  matched: 0,
  unmatched: 0,
  conflict: 0,
  invalid: 0,
  unchanged: 0,
  ...c,
});

async function tally() {
  const [entries, qualifications, invitations, organisations] = await Promise.all([
    h.prisma.officialListEntry.count(),
    h.prisma.organisationQualification.count(),
    h.prisma.exemptionInvitation.count(),
    h.prisma.organisation.count(),
  ]);
  return { entries, qualifications, invitations, organisations };
}

describe('previewing the sample lists shipped with the demo', () => {
  it('sorts every row of each sample into matched, unmatched, conflict and invalid', async () => {
    const cases = [
      [
        'high-tech-enterprise',
        SAMPLE_FILES.highTech,
        { matched: 2, unmatched: 1, conflict: 1, invalid: 1 },
      ],
      [
        'high-tech-enterprise',
        SAMPLE_FILES.highTechGbk,
        { matched: 2, unmatched: 1, conflict: 1, invalid: 1 },
      ],
      ['tech-sme', SAMPLE_FILES.techSme, { matched: 3, unmatched: 1, invalid: 1 }],
      ['rd-platform', SAMPLE_FILES.rdPlatform, { matched: 2, unmatched: 1, invalid: 1 }],
      ['incubator', SAMPLE_FILES.incubator, { matched: 1, unmatched: 1, invalid: 1 }],
    ] as const;
    for (const [kind, file, expected] of cases) {
      const preview = await previewOf(h, kind, sampleBytes(file), file);
      expect(preview.counts, file).toEqual(counts(expected));
      expect(preview.status).toBe('preview');
      expect(preview.rowCount).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    }
  });

  it('gives each row of the 高企 list its reason, and takes the title from the sheet', async () => {
    const preview = await previewOf(
      h,
      'high-tech-enterprise',
      sampleBytes(SAMPLE_FILES.highTech),
      '高企.xlsx',
    );
    expect(preview.title).toBe('2026年安徽省第一批认定高新技术企业名单（宿州市）');
    // The same bytes from the same officer are the file already stored, under its first name.
    expect(preview.file.originalName).toBe(SAMPLE_FILES.highTech);
    expect(preview.importedBy).toBe('系统管理员');
    const rows = preview.rows.items.map((r) => [r.rowNumber, r.outcome, r.name, r.reason]);
    expect(rows).toEqual([
      [
        3,
        'matched',
        DEMO.suqing.name,
        '记为已核验资质“高新技术企业”，并发出免申即享邀请：国家高新技术企业认定奖励（四.10）',
      ],
      [
        4,
        'matched',
        DEMO.xincai.name,
        '记为已核验资质“高新技术企业”，并发出免申即享邀请：国家高新技术企业认定奖励（四.10）',
      ],
      [5, 'unmatched', DEMO.wanbei.name, '平台暂无该统一社会信用代码的单位'],
      [
        6,
        'conflict',
        '安徽宿马航天科技有限公司',
        `名单为“安徽宿马航天科技有限公司”，平台登记为“${DEMO.suma.name}”，请核实后处理`,
      ],
      [
        7,
        'invalid',
        DEMO.yunzhi.name,
        '发证日期：“2026-13-01”不是有效日期（如 2026-10-15）；证书编号：应为 GR 加 12 位数字，如 GR202634001234；认定类型：“认定”应为“首次认定”或“再次认定”',
      ],
    ]);
    expect(preview.rows.items[0]?.cells.map((c) => [c.title, c.value])).toEqual([
      ['证书编号', 'GR202634000101'],
      ['统一社会信用代码', DEMO.suqing.creditCode],
      ['企业名称', DEMO.suqing.name],
      ['发证日期', '2026-10-15'],
      ['认定类型', '首次认定'],
      ['上一次证书编号', ''],
    ]);

    const admin = await h.officer('admin');
    const conflicts = await admin.officialLists.byId.query({
      importId: preview.id,
      outcome: 'conflict',
      page: 1,
    });
    expect(conflicts.rows.total).toBe(1);
    expect(conflicts.rows.items[0]?.outcomeLabel).toBe('信息不一致');
  });

  it('changes nothing but the preview record until it is committed', async () => {
    const before = await tally();
    await previewOf(h, 'incubator', sampleBytes(SAMPLE_FILES.incubator), 'incubator.xlsx');
    expect(await tally()).toEqual(before);
    const audit = await h.prisma.auditLog.findFirst({
      where: { action: 'official-list.preview' },
      orderBy: { id: 'desc' },
    });
    expect(audit?.details).toMatchObject({
      kind: 'incubator',
      counts: counts({ matched: 1, unmatched: 1, invalid: 1 }),
    });
  });
});

describe('rows that cannot be imported', () => {
  it('gives every reason a row is refused, and marks a repeated certificate', async () => {
    const csv = hteCsv([
      ['GR202634009001', DEMO.suqing.creditCode, DEMO.suqing.name, '2026-10-15', '首次认定', ''],
      ['GR202634009001', DEMO.suqing.creditCode, DEMO.suqing.name, '2026-10-15', '首次认定', ''],
      ['GR202534009002', '91341300MA2N8H4QX0', '', '2026-02-30', '复核', 'GR12'],
      ['', '', '', '', '', ''],
      ['GR202634009003', '123', '宿州某公司', '', '', ''],
      [
        'GR202634009004',
        DEMO.suqing.creditCode,
        DEMO.suqing.name,
        '2026-10-15',
        '再次认定',
        'GR202634009004',
      ],
    ]);
    const preview = await previewOf(h, 'high-tech-enterprise', csv, 'bad.csv');
    // The blank line is skipped; the rest keep their line numbers (the header is line 1).
    expect(preview.rows.items.map((r) => [r.rowNumber, r.outcome, r.reason])).toEqual([
      [2, 'matched', expect.any(String)],
      [3, 'invalid', '与第 2 行重复'],
      [
        4,
        'invalid',
        '统一社会信用代码：统一社会信用代码校验位不正确，请核对后重新输入；企业名称：未填写；发证日期：“2026-02-30”不是有效日期（如 2026-10-15）；认定类型：“复核”应为“首次认定”或“再次认定”；上一次证书编号：应为 GR 加 12 位数字',
      ],
      [
        6,
        'invalid',
        '统一社会信用代码：统一社会信用代码应为18位，当前为3位；发证日期：未填写；认定类型：未填写',
      ],
      [7, 'invalid', '上一次证书编号：与本次证书编号相同'],
    ]);
    expect(preview.counts).toEqual(counts({ matched: 1, invalid: 4 }));
  });

  it('reads quoted fields with commas, quotes and line breaks', async () => {
    const csv = hteCsv([
      [
        'GR202634009101',
        DEMO.suqing.creditCode,
        '安徽宿氢新能源科技有限公司',
        '2026年10月15日',
        '首次认定',
        '',
      ],
      [
        'GR202634009102',
        DEMO.wanbei.creditCode,
        '宿州"皖北",智能\n装备有限公司',
        '2026/10/15',
        '首次认定',
        '',
      ],
    ]);
    const preview = await previewOf(h, 'high-tech-enterprise', csv, 'quoted.csv');
    expect(preview.rows.items.map((r) => [r.rowNumber, r.outcome, r.name])).toEqual([
      [2, 'matched', DEMO.suqing.name],
      [3, 'unmatched', '宿州"皖北",智能 装备有限公司'],
    ]);
  });

  it('refuses a list without the columns of its kind, naming them', async () => {
    const csv = hteCsv([['x', DEMO.suqing.creditCode]], ['序号', '统一社会信用代码', '名称']);
    const refused = await failure(() => previewOf(h, 'high-tech-enterprise', csv, 'wrong.csv'));
    expect(refused).toMatchObject({
      appCode: 'LIST_HEADER_MISSING',
      message:
        '名单缺少必需的列：证书编号、发证日期、认定类型（请核对所选名单类型，或使用样表的表头）',
      fieldErrors: { fileId: ['缺少“证书编号”列', '缺少“发证日期”列', '缺少“认定类型”列'] },
    });
    // The 高企 sample read as a 科技型中小企业 list lacks that list's columns.
    const wrongKind = await failure(() =>
      previewOf(h, 'tech-sme', sampleBytes(SAMPLE_FILES.highTech), 'high-tech.xlsx'),
    );
    expect(wrongKind.appCode).toBe('LIST_HEADER_MISSING');
    expect(wrongKind.message).toContain('入库登记编号');
  });

  it('refuses a broken CSV, a header without rows, and a file that is not a list', async () => {
    const open = Buffer.from(
      '证书编号,统一社会信用代码,企业名称,发证日期,认定类型\r\nGR202634000101,"91341300MA2N8H4QXE,安徽\r\n',
    );
    expect(
      await failure(() => previewOf(h, 'high-tech-enterprise', open, 'open.csv')),
    ).toMatchObject({
      appCode: 'LIST_FILE_UNREADABLE',
      message: '名单文件格式有误：第 2 行的引号没有闭合',
    });
    expect(
      await failure(() => previewOf(h, 'high-tech-enterprise', hteCsv([]), 'empty.csv')),
    ).toMatchObject({
      appCode: 'LIST_FILE_UNREADABLE',
      message: '名单只有表头，没有数据行',
    });
    // An evidence PDF of the administrator's own is not a list.
    const admin = await h.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const pdf = await h.prisma.storedFile.create({
      data: {
        sha256: 'a'.repeat(64),
        sizeBytes: 10,
        mimeType: 'application/pdf',
        originalName: 'x.pdf',
        ownerUserId: admin.id,
        createdAt: h.clock.now,
      },
    });
    const api = await h.officer('admin');
    expect(
      await failure(() => api.officialLists.preview.mutate({ kind: 'incubator', fileId: pdf.id })),
    ).toMatchObject({
      appCode: 'LIST_FILE_UNREADABLE',
      message: '名单文件无法读取，请上传 .xlsx 或 .csv 文件',
    });
  });

  it('previews only a file the administrator uploaded', async () => {
    const firm = await h.applicant();
    const me = await firm.auth.me.query();
    const theirs = await h.prisma.storedFile.create({
      data: {
        sha256: 'b'.repeat(64),
        sizeBytes: 10,
        mimeType: 'text/csv',
        originalName: 'list.csv',
        ownerUserId: me.id,
        createdAt: h.clock.now,
      },
    });
    const admin = await h.officer('admin');
    expect(
      await failure(() =>
        admin.officialLists.preview.mutate({ kind: 'incubator', fileId: theirs.id }),
      ),
    ).toMatchObject({ appCode: 'NOT_FOUND', message: '名单文件不存在，请重新上传' });
  });
});

describe('committing a list', () => {
  it('records verified qualifications and 免申即享 invitations for matched rows, and nothing for conflicts', async () => {
    const before = await tally();
    const committed = await importSample(h, 'high-tech-enterprise', SAMPLE_FILES.highTech);
    expect(committed).toMatchObject({
      status: 'committed',
      statusLabel: '已导入',
      committedBy: '系统管理员',
      result: {
        entries: 3,
        matched: 2,
        unmatched: 1,
        qualifications: 2,
        invitations: 2,
        alreadyImported: 0,
      },
    });
    // Matched and unmatched rows become entries; the unmatched firm is not created.
    expect(await tally()).toEqual({
      entries: before.entries + 3,
      qualifications: before.qualifications + 2,
      invitations: before.invitations + 2,
      organisations: before.organisations,
    });

    const suqing = await organisationByCode(h, DEMO.suqing.creditCode);
    const qualification = await h.prisma.organisationQualification.findFirstOrThrow({
      where: { organisationId: suqing.id },
      include: { listEntry: true },
    });
    expect(qualification).toMatchObject({
      kind: 'high-tech-enterprise',
      source: 'official-list',
      documentNo: 'GR202634000101',
      recognisedOn: new Date('2026-10-15T00:00:00Z'),
      detail: { recognitionType: 'first' },
      listEntry: { importId: committed.id, organisationId: suqing.id },
    });
    const invitation = await h.prisma.exemptionInvitation.findFirstOrThrow({
      where: { organisationId: suqing.id },
    });
    expect(invitation).toMatchObject({
      ruleId: 'high-tech-enterprise',
      status: 'invited',
      input: {
        recognitionType: 'first',
        certificateNo: 'GR202634000101',
        certifiedOn: '2026-10-15',
      },
    });
    // The re-recognised firm's previous certificate came from its row.
    const xincai = await organisationByCode(h, DEMO.xincai.creditCode);
    expect(
      (
        await h.prisma.exemptionInvitation.findFirstOrThrow({
          where: { organisationId: xincai.id },
        })
      ).input,
    ).toMatchObject({ recognitionType: 're', previousCertificateNo: 'GR202334000857' });

    // Every member of the firm hears of it, with a link to the invitation.
    const message = await h.prisma.notification.findFirstOrThrow({
      where: { kind: 'exemption-invitation', linkId: invitation.id },
    });
    expect(message).toMatchObject({
      linkPage: 'exemption-invitation',
      title: '免申即享：可直接申领国家高新技术企业认定奖励',
    });
    expect(message.body).toContain('《2026年安徽省第一批认定高新技术企业名单（宿州市）》');

    // The conflicting firm got nothing.
    const suma = await organisationByCode(h, DEMO.suma.creditCode);
    expect(
      await h.prisma.organisationQualification.count({ where: { organisationId: suma.id } }),
    ).toBe(0);
    expect(
      await h.prisma.officialListEntry.count({ where: { creditCode: DEMO.suma.creditCode } }),
    ).toBe(0);

    const audit = await h.prisma.auditLog.findFirstOrThrow({
      where: { action: 'official-list.commit', objectId: committed.id },
    });
    expect(audit.details).toMatchObject({
      kind: 'high-tech-enterprise',
      fileId: committed.file.id,
      counts: counts({ matched: 2, unmatched: 1, conflict: 1, invalid: 1 }),
      entries: 3,
      invitations: 2,
    });
  });

  it('fills a re-recognised firm’s previous certificate from its earlier entry', async () => {
    const firm = await h.applicant();
    const org = await firm.profile.saveOrganisation.mutate(
      firmInput({ creditCode: creditCode(7001), name: '宿州复审科技有限公司' }),
    );
    await verifiedInDb(h, org.id);
    const admin = await h.officer('admin');
    const row = (no: string, on: string, type: string) => [
      no,
      creditCode(7001),
      '宿州复审科技有限公司',
      on,
      type,
      '',
    ];
    for (const [file, rows] of [
      ['2023.csv', [row('GR202334007001', '2023-11-20', '首次认定')]],
      ['2026.csv', [row('GR202634007002', '2026-10-15', '再次认定')]],
    ] as const) {
      const preview = await previewOf(h, 'high-tech-enterprise', hteCsv([...rows]), file);
      await admin.officialLists.commit.mutate({ importId: preview.id });
    }
    const invitation = await h.prisma.exemptionInvitation.findFirstOrThrow({
      where: { organisationId: org.id, listEntry: { documentNo: 'GR202634007002' } },
    });
    expect(invitation.input).toEqual({
      recognitionType: 're',
      certificateNo: 'GR202634007002',
      certifiedOn: '2026-10-15',
      previousCertificateNo: 'GR202334007001',
    });
    const detail = await firm.myOrg.invitations.byId.query({ invitationId: invitation.id });
    expect(detail).toMatchObject({ missingInputs: [], amountFen: 10_000_000n });
  });

  it('invites a case on a 典型案例名单 in the list’s 评选年度, and counts it there', async () => {
    const firm = await h.applicant();
    const org = await firm.profile.saveOrganisation.mutate(
      firmInput({ creditCode: creditCode(7002), name: '宿州场景应用科技有限公司' }),
    );
    await verifiedInDb(h, org.id);
    // A "2027年度" selection whose list was issued on 2026-11-20; a second row's year is a typo.
    const header = [
      '案例名称',
      '应用领域',
      '申报单位统一社会信用代码',
      '申报单位名称',
      '入选日期',
      '入选文件文号',
      '评选年度',
    ];
    const row = (name: string, year: string) => [
      name,
      '产业发展',
      creditCode(7002),
      '宿州场景应用科技有限公司',
      '2026-11-20',
      '宿科〔2026〕90号',
      year,
    ];
    const preview = await previewOf(
      h,
      'scenario-case',
      hteCsv([row('光储充一体化园区', '2027年度'), row('智慧水务管网', '2024')], header),
      '2027年度典型案例名单.csv',
    );
    expect(preview.counts).toEqual(counts({ matched: 1, invalid: 1 }));
    expect(preview.rows.items[1]?.reason).toBe(
      '评选年度 2024 与入选日期 2026-11-20 不符（应为入选日期所在年份或前后一年）',
    );
    const admin = await h.officer('admin');
    await admin.officialLists.commit.mutate({ importId: preview.id });

    const invitation = await h.prisma.exemptionInvitation.findFirstOrThrow({
      where: { organisationId: org.id },
      include: { listEntry: true },
    });
    expect(invitation.listEntry.entryKey).toBe('2027:光储充一体化园区');
    expect(invitation.input).toMatchObject({ selectedOn: '2026-11-20', selectionYear: 2027 });
    const detail = await firm.myOrg.invitations.byId.query({ invitationId: invitation.id });
    expect(detail.inputRows).toContainEqual({ label: '评选年度', value: '2027' });
    expect(detail.explanation?.quota).toBe('本年度已评选 0 项，上限 10 项（评选年度：2027 年）');
  });

  it('changes nothing when the same list is imported again, in either format', async () => {
    const before = await tally();
    for (const file of [SAMPLE_FILES.highTech, SAMPLE_FILES.highTechGbk]) {
      const preview = await previewOf(h, 'high-tech-enterprise', sampleBytes(file), file);
      expect(preview.counts).toEqual(counts({ unchanged: 3, conflict: 1, invalid: 1 }));
      expect(preview.rows.items[0]?.reason).toBe(
        '已于 2026-11-27 随《2026年安徽省第一批认定高新技术企业名单（宿州市）》导入，本次不作变更',
      );
      const admin = await h.officer('admin');
      const again = await admin.officialLists.commit.mutate({ importId: preview.id });
      expect(again.result).toMatchObject({ entries: 0, qualifications: 0, invitations: 0 });
    }
    expect(await tally()).toEqual(before);
  });

  it('leaves one entry when two previews of the same rows are committed', async () => {
    const csv = hteCsv([
      [
        'GR202634009201',
        DEMO.wanbei.creditCode,
        '宿州双提交科技有限公司',
        '2026-10-15',
        '首次认定',
        '',
      ],
    ]);
    const one = await previewOf(h, 'high-tech-enterprise', csv, 'one.csv');
    const two = await previewOf(h, 'high-tech-enterprise', csv, 'two.csv');
    const admin = await h.officer('admin');
    const results = await Promise.all([
      admin.officialLists.commit.mutate({ importId: one.id }),
      admin.officialLists.commit.mutate({ importId: two.id }),
    ]);
    expect(results.map((r) => r.result.entries).sort()).toEqual([0, 1]);
    expect(await h.prisma.officialListEntry.count({ where: { entryKey: 'GR202634009201' } })).toBe(
      1,
    );
  });

  it('commits or discards a preview once only', async () => {
    const preview = await previewOf(
      h,
      'incubator',
      sampleBytes(SAMPLE_FILES.incubator),
      'incubator.xlsx',
    );
    const admin = await h.officer('admin');
    const discarded = await admin.officialLists.discard.mutate({ importId: preview.id });
    expect(discarded).toMatchObject({ status: 'discarded', statusLabel: '已放弃' });
    expect(
      await failure(() => admin.officialLists.commit.mutate({ importId: preview.id })),
    ).toMatchObject({
      appCode: 'LIST_IMPORT_CLOSED',
      message: '该名单导入已放弃，请重新上传预览',
    });
    const committed = await importSample(h, 'incubator', SAMPLE_FILES.incubator);
    expect(
      await failure(() => admin.officialLists.discard.mutate({ importId: committed.id })),
    ).toMatchObject({
      appCode: 'LIST_IMPORT_CLOSED',
      message: '该名单已确认导入，不能再次导入或放弃',
    });
    expect(
      await failure(() =>
        admin.officialLists.commit.mutate({ importId: '00000000-0000-4000-8000-000000000000' }),
      ),
    ).toMatchObject({ appCode: 'NOT_FOUND' });
  });

  it('keeps a history of imports: the file, who, when and the counts', async () => {
    const reviewer = await h.officer('reviewer');
    const history = await reviewer.officialLists.list.query({ kind: 'incubator', page: 1 });
    expect(history.total).toBeGreaterThanOrEqual(3);
    // The clock stands still in tests: find the committed one among the same-time imports.
    expect(history.items.find((i) => i.status === 'committed')).toMatchObject({
      kind: 'incubator',
      kindName: '科技企业孵化器认定名单',
      status: 'committed',
      file: { originalName: 'incubator.xlsx' },
      importedBy: '系统管理员',
      committedBy: '系统管理员',
      counts: counts({ matched: 1, unmatched: 1, invalid: 1 }),
    });
    expect((await reviewer.officialLists.list.query()).items.every((i) => i.kind)).toBe(true);
  });
});

describe('firms on a list but not on the platform', () => {
  it('are exported for officers to contact, never created as organisations', async () => {
    const reviewer = await h.officer('reviewer');
    const file = await reviewer.officialLists.unmatchedXlsx.mutate({
      kind: 'high-tech-enterprise',
    });
    expect(file).toMatchObject({
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: '未匹配单位-国家高新技术企业认定名单-2026-11-27.xlsx',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '序号',
      '名单类型',
      '名单名称',
      '单位名称',
      '统一社会信用代码',
      '证书编号或文号',
      '认定日期',
      '认定级别',
      '平台或孵化器名称',
    ]);
    const names = [];
    for (let r = 3; r <= sheet.rowCount; r++) names.push(sheet.getCell(r, 4).value);
    expect(names).toContain(DEMO.wanbei.name);
    expect(names).not.toContain(DEMO.suqing.name);
    expect(file.count).toBe(names.length);
    expect(
      await h.prisma.organisation.count({ where: { creditCode: DEMO.wanbei.creditCode } }),
    ).toBe(0);
    expect(
      await h.prisma.auditLog.count({ where: { action: 'official-list.export-unmatched' } }),
    ).toBe(1);
  });

  it('are matched when the firm registers and is verified, if the names agree', async () => {
    const firm = await h.applicant();
    const org = await firm.profile.saveOrganisation.mutate(
      firmInput({ creditCode: DEMO.wanbei.creditCode, name: DEMO.wanbei.name }),
    );
    const verified = await verifiedInDb(h, org.id);
    const officer = await h.prisma.user.findUniqueOrThrow({ where: { username: 'yongqiao' } });
    const actor = {
      caller: {
        kind: 'officer' as const,
        userId: officer.id,
        sessionId: 's',
        username: 'yongqiao',
        displayName: officer.displayName,
        role: 'area-officer' as const,
        areaCode: 'yongqiao' as const,
      },
      ip: null,
      now: () => h.clock.now,
    };
    const result = await h.prisma.$transaction((tx) => matchPendingEntries(tx, actor, verified));
    // On the sample list (first recognition); the other certificate has another name.
    expect(result).toEqual({ matched: 1, invitations: 1, nameDiffers: 1 });
    expect(
      await h.prisma.organisationQualification.findMany({
        where: { organisationId: org.id },
        select: { documentNo: true, source: true },
      }),
    ).toEqual([{ documentNo: 'GR202634000103', source: 'official-list' }]);
    const invitations = await firm.myOrg.invitations.list.query();
    expect(invitations.items.map((i) => [i.documentNo, i.status])).toEqual([
      ['GR202634000103', 'invited'],
    ]);
    expect(
      await h.prisma.auditLog.count({ where: { action: 'official-list.match', objectId: org.id } }),
    ).toBe(1);
    // Matched once: running it again finds nothing left.
    expect(await h.prisma.$transaction((tx) => matchPendingEntries(tx, actor, verified))).toEqual({
      matched: 0,
      invitations: 0,
      nameDiffers: 1,
    });
  });

  it('waits for verification: a registered but unverified firm is not matched', async () => {
    const csv = hteCsv([
      [
        'GR202634009301',
        '91341302MA8N2B6P4K',
        '宿州待认证科技有限公司',
        '2026-10-15',
        '首次认定',
        '',
      ],
    ]);
    const firm = await h.applicant();
    await firm.profile.saveOrganisation.mutate(
      firmInput({ creditCode: '91341302MA8N2B6P4K', name: '宿州待认证科技有限公司' }),
    );
    const preview = await previewOf(h, 'high-tech-enterprise', csv, 'pending.csv');
    expect(preview.rows.items[0]).toMatchObject({
      outcome: 'unmatched',
      reason: '该单位已在平台注册但尚未通过机构认证，认证通过后自动匹配',
    });
    const admin = await h.officer('admin');
    await admin.officialLists.commit.mutate({ importId: preview.id });
    expect(await firm.myOrg.invitations.list.query()).toMatchObject({ items: [] });

    // The 埇桥区 officer verifies it: the waiting entry becomes its qualification and invitation.
    const licence = await storedFile(h, (await firm.auth.me.query()).id);
    const submitted = await firm.myOrg.verification.submit.mutate({
      licenceKind: 'business-licence',
      licenceFileId: licence.id,
      legalRepName: '陈晓东',
      actingRole: 'legal-representative',
    });
    const yongqiao = await h.officer('yongqiao');
    await yongqiao.orgReview.verifications.decide.mutate({
      id: submitted.latest!.id,
      decision: 'approve',
    });
    const invitations = await firm.myOrg.invitations.list.query();
    expect(invitations.items.map((i) => [i.documentNo, i.status])).toEqual([
      ['GR202634009301', 'invited'],
    ]);
  });
});

describe('the 2030 targets after lists are imported', () => {
  it('count the firms a list verified, and show what they only declared apart', async () => {
    const reviewer = await h.officer('reviewer');
    const before = Object.fromEntries(
      (await reviewer.dashboard.targets.query()).targets.map((t) => [t.id, t]),
    );
    await importSample(h, 'tech-sme', SAMPLE_FILES.techSme);
    const after = Object.fromEntries(
      (await reviewer.dashboard.targets.query()).targets.map((t) => [t.id, t]),
    );
    // 云智, 梨康 and 宿马航天 are on the list; all three had declared it themselves.
    expect(after['tech-smes']!.value).toBe(before['tech-smes']!.value! + 3);
    expect(after['tech-smes']!.selfDeclared).toBe(before['tech-smes']!.selfDeclared! - 3);
    // From the 高企 lists: 宿氢 and 萧县新材 (both had declared it), the 皖北 firm verified later,
    // the firm the 埇桥区 officer verified after its list was imported, and the re-recognised one.
    expect(after['high-tech-enterprises']).toMatchObject({
      value: 5,
      breakdown: { verified: 5, withAward: 0 },
      selfDeclared: 0,
    });
  });
});

describe('who may import', () => {
  it('lets only the bureau administrator upload, preview, commit and discard', async () => {
    const file = await uploadList(h, sampleBytes(SAMPLE_FILES.incubator), 'incubator.xlsx');
    for (const username of ['reviewer', 'yongqiao', 'finance']) {
      const officer = await h.officer(username);
      expect(
        await failure(() =>
          officer.officialLists.preview.mutate({ kind: 'incubator', fileId: file.id }),
        ),
      ).toMatchObject({ appCode: 'FORBIDDEN', message: '您没有权限进行此操作' });
    }
    const preview = await (
      await h.officer('admin')
    ).officialLists.preview.mutate({ kind: 'incubator', fileId: file.id });
    const reviewer = await h.officer('reviewer');
    expect(
      (await failure(() => reviewer.officialLists.commit.mutate({ importId: preview.id }))).appCode,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(() => reviewer.officialLists.discard.mutate({ importId: preview.id })))
        .appCode,
    ).toBe('FORBIDDEN');
    // Bureau reviewers read the lists; area officers, finance and applicants do not.
    expect((await reviewer.officialLists.byId.query({ importId: preview.id, page: 1 })).id).toBe(
      preview.id,
    );
    for (const username of ['yongqiao', 'finance']) {
      const officer = await h.officer(username);
      expect((await failure(() => officer.officialLists.list.query())).appCode).toBe('FORBIDDEN');
      expect((await failure(() => officer.officialLists.unmatchedXlsx.mutate({}))).appCode).toBe(
        'FORBIDDEN',
      );
    }
    const applicant = await h.applicant();
    expect(
      (await failure(() => applicant.officialLists.byId.query({ importId: preview.id, page: 1 })))
        .appCode,
    ).toBe('FORBIDDEN');
  });
});
