import type { Readable } from 'node:stream';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectReportBody, ReportAttachment } from '@kc/domain';
import type { ApplicantCaller, OfficerCaller } from '../src/caller';
import { demoPdf } from '../src/demo/pdf';
import { AppErrorCause } from '../src/errors';
import { applicantFileAccess } from '../src/files/applicant-access';
import { officerFileAccess } from '../src/files/officer-access';
import { prismaFileRecords } from '../src/files/prisma-records';
import { createFileService } from '../src/files/service';
import { firmApplicant } from './awards-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { colleague } from './library-support';
import {
  concludedProject,
  reportFiles,
  signedProject as signedProjectOf,
} from './selection-support';

/**
 * A project report's files (issue 14, 四.2): the 中期报告 and 结题验收报告 come with the report
 * document, the financial statement (required for the final report) and supporting material, as
 * the domain's PROJECT_REPORT_ATTACHMENTS says. The files are the unit's own uploads; a returned
 * report keeps the ones the unit keeps. The officers who see the project download them (GET
 * /files/:id as the route decides it), and the lead unit's people; nobody else.
 */
describe('project report files', () => {
  let h: Harness;
  let files: ReturnType<typeof createFileService>;
  beforeAll(async () => {
    h = await createHarness({ start: new Date('2027-03-30T02:00:00Z') });
    files = createFileService({
      store: h.fileStore,
      records: prismaFileRecords(h.prisma, () => h.clock.now),
      maxBytes: 10 * 1024 * 1024,
      audit: h.prisma,
      now: () => h.clock.now,
    });
  });
  afterAll(() => h.close());

  const WAN = 1_000_000n; // 1万元 in fen
  const signedProject = () =>
    signedProjectOf(h, [
      { condition: 'signing', amountFen: 100n * WAN },
      { condition: 'mid-term', amountFen: 50n * WAN },
      { condition: 'acceptance', amountFen: 50n * WAN },
    ]);

  const BODY: ProjectReportBody = {
    summary: '中试线已建成并完成三轮工艺验证，催化剂批次一致性达到任务书要求。',
    milestones: [
      { done: true, note: '中期目标全部完成' },
      { done: false, note: '公斤级制备正在进行' },
    ],
    cityFundsSpentFen: 90n * WAN,
    ownFundsSpentFen: 120n * WAN,
  };

  const applicant = (userId: string): ApplicantCaller => ({
    kind: 'applicant',
    userId,
    sessionId: 'test',
    openid: 'test',
  });
  async function officer(username: string): Promise<OfficerCaller> {
    const user = await h.prisma.user.findUniqueOrThrow({ where: { username } });
    return {
      kind: 'officer',
      userId: user.id,
      sessionId: 'test',
      username,
      displayName: user.displayName,
      role: user.role === 'AREA_OFFICER' ? 'area-officer' : 'bureau-admin',
      areaCode: (user.areaCode as OfficerCaller['areaCode']) ?? null,
    };
  }

  /** POST /files as the user: a real PDF in the store, named as on their phone. */
  async function upload(userId: string, name: string) {
    const file = await files.uploadEvidence({
      caller: applicant(userId),
      bytes: demoPdf([name, `${userId} ${h.clock.now.toISOString()} ${Math.random()}`]),
      originalName: name,
    });
    return file.id;
  }

  /** GET /files/:id as the route decides it: the file's name, or the refusal's code. */
  async function download(caller: OfficerCaller | ApplicantCaller, fileId: string) {
    try {
      const opened = await files.openForDownload({
        caller,
        fileId,
        canOfficerSee: officerFileAccess(h.db, () => h.clock.now),
        canApplicantSee: applicantFileAccess(h.db),
      });
      (opened.stream as Readable).destroy();
      return opened.file.originalName;
    } catch (error) {
      if (error instanceof TRPCError && error.cause instanceof AppErrorCause)
        return error.cause.appCode;
      throw error;
    }
  }

  it('refuses a report without the files its kind needs, under the attachments', async () => {
    const { signed, client, admin, firm } = await signedProject();
    const send = (kind: 'mid-term' | 'final', version: number, attachments: ReportAttachment[]) =>
      client.selection.projects.submitReport.mutate({
        id: signed.id,
        expectedVersion: version,
        kind,
        body: BODY,
        attachments,
      });
    const proof = { kind: 'supporting-material' as const, fileId: (await firm.upload('p')).fileId };
    expect(await failure(() => send('mid-term', signed.version, [proof]))).toMatchObject({
      appCode: 'INVALID_INPUT',
      message: '请上传报告正文',
      fieldErrors: { attachments: ['请上传报告正文'] },
    });
    const document = { kind: 'report-document' as const, fileId: (await firm.upload('r')).fileId };
    const twice = await failure(() => send('mid-term', signed.version, [document, document]));
    expect(twice.fieldErrors).toEqual({ attachments: ['同一文件不能重复上传'] });

    // The mid-term report needs the report itself only.
    let p = await send('mid-term', signed.version, [document, proof]);
    expect(p.reports[0]?.attachments.map((a) => [a.kind, a.kindName, a.name])).toEqual([
      ['report-document', '报告正文', 'r.pdf'],
      ['supporting-material', '成果证明等佐证材料', 'p.pdf'],
    ]);
    p = await admin.selection.projects.reviewReport.mutate({
      id: signed.id,
      kind: 'mid-term',
      expectedVersion: p.version,
      outcome: 'pass',
    });
    // The final report needs the financial statement (审计报告) too.
    const finalDocument = {
      kind: 'report-document' as const,
      fileId: (await firm.upload('f')).fileId,
    };
    expect(await failure(() => send('final', p.version, [finalDocument]))).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { attachments: ['请上传专项资金使用情况（审计报告）'] },
    });
    const accepting = await send('final', p.version, await reportFiles(firm));
    expect(accepting.status).toBe('accepting');
    expect(accepting.reports.map((r) => [r.kind, r.attachments.length])).toEqual([
      ['mid-term', 2],
      ['final', 2],
    ]);
  });

  it('refuses a file the unit did not upload: another firm’s, or one that is not there', async () => {
    const { signed, client } = await signedProject();
    const stranger = await firmApplicant(h, 'yongqiao');
    const theirs = (await stranger.upload('report-document')).fileId;
    const refused = (fileId: string) =>
      failure(() =>
        client.selection.projects.submitReport.mutate({
          id: signed.id,
          expectedVersion: signed.version,
          kind: 'mid-term',
          body: BODY,
          attachments: [{ kind: 'report-document', fileId }],
        }),
      );
    const message = '附件文件不存在或不是您上传的，请重新上传';
    expect(await refused(theirs)).toMatchObject({
      appCode: 'INVALID_INPUT',
      message,
      fieldErrors: { attachments: [message] },
    });
    expect((await refused('7a1c2e30-0000-4000-8000-00000000dead')).fieldErrors).toEqual({
      attachments: [message],
    });
    expect(await h.prisma.projectReport.count({ where: { projectId: signed.id } })).toBe(0);
  });

  it('lets the officers who see the project and the unit’s people download the files; nobody else', async () => {
    const { signed, client, firm } = await signedProject();
    const fileId = await upload(firm.userId, '中期报告.pdf');
    const statement = await upload(firm.userId, '专项资金使用情况.pdf');
    await client.selection.projects.submitReport.mutate({
      id: signed.id,
      expectedVersion: signed.version,
      kind: 'mid-term',
      body: BODY,
      attachments: [
        { kind: 'report-document', fileId },
        { kind: 'financial-statement', fileId: statement },
      ],
    });

    // The lead unit is in 埇桥区: its area officer and the bureau read the report's files.
    expect(await download(await officer('yongqiao'), fileId)).toBe('中期报告.pdf');
    expect(await download(await officer('admin'), statement)).toBe('专项资金使用情况.pdf');
    const audited = await h.prisma.auditLog.findFirstOrThrow({
      where: { action: 'file.download', objectId: fileId },
    });
    expect(audited).toMatchObject({ areaCode: 'yongqiao' });
    expect(audited.details).toMatchObject({
      projectId: signed.id,
      number: signed.number,
      reportKind: 'mid-term',
    });
    // Another area's officer, another firm: as for a file that is not there.
    expect(await download(await officer('dangshan'), fileId)).toBe('NOT_FOUND');
    const stranger = await firmApplicant(h, 'yongqiao');
    expect(await download(applicant(stranger.userId), fileId)).toBe('NOT_FOUND');
    // A colleague of the unit (a 经办人) reads them too.
    const agent = await colleague(h, signed.organisationId, 'agent');
    expect(await download(applicant(agent.userId), statement)).toBe('专项资金使用情况.pdf');
  });

  it('keeps the files a returned report keeps, whichever administrator sends it again', async () => {
    const { signed, client, admin, firm } = await signedProject();
    const document = await upload(firm.userId, '中期报告（初稿）.pdf');
    const proof = await upload(firm.userId, '检测报告.pdf');
    const submitted = await client.selection.projects.submitReport.mutate({
      id: signed.id,
      expectedVersion: signed.version,
      kind: 'mid-term',
      body: BODY,
      attachments: [
        { kind: 'report-document', fileId: document },
        { kind: 'supporting-material', fileId: proof },
      ],
    });
    const returned = await admin.selection.projects.reviewReport.mutate({
      id: signed.id,
      kind: 'mid-term',
      expectedVersion: submitted.version,
      outcome: 'return',
      comment: '请补充专项资金使用情况',
    });
    // The files stay with the returned report, for the unit to keep or replace.
    expect(returned.reports[0]?.attachments.map((a) => a.fileId)).toEqual([document, proof]);

    // A second administrator corrects it: keeps the report, drops the proof, adds a statement.
    const second = await colleague(h, signed.organisationId, 'admin');
    const statement = await upload(second.userId, '专项资金使用情况.pdf');
    const again = await second.client.selection.projects.submitReport.mutate({
      id: signed.id,
      expectedVersion: returned.version,
      kind: 'mid-term',
      body: BODY,
      attachments: [
        { kind: 'report-document', fileId: document },
        { kind: 'financial-statement', fileId: statement },
      ],
    });
    expect(again.reports[0]).toMatchObject({ status: 'submitted', submissions: 2 });
    expect(again.reports[0]?.attachments.map((a) => [a.kindName, a.name])).toEqual([
      ['报告正文', '中期报告（初稿）.pdf'],
      ['专项资金使用情况（审计报告）', '专项资金使用情况.pdf'],
    ]);
    // The file dropped is the unit's own again: no officer reads it through the report.
    expect(await download(await officer('yongqiao'), document)).toBe('中期报告（初稿）.pdf');
    expect(await download(await officer('yongqiao'), proof)).toBe('NOT_FOUND');
    const audit = await h.prisma.auditLog.findMany({
      where: { objectId: signed.id, action: 'project.report.submit' },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    expect(audit.map((a) => (a.details as { files: number }).files)).toEqual([2, 2]);
  });
});

describe('the officers’ project list', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ start: new Date('2027-03-30T02:00:00Z') });
  });
  afterAll(() => h.close());

  it('pages the projects of the officer’s remit, by call and status, with the calls to filter by', async () => {
    const first = await concludedProject(h);
    const second = await concludedProject(h);
    const admin = await h.officer('admin');
    const all = await admin.selection.projects.list.query({ page: 1, pageSize: 1 });
    expect(all).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(all.items).toHaveLength(1);
    const next = await admin.selection.projects.list.query({ page: 2, pageSize: 1 });
    expect(next.items).toHaveLength(1);
    expect(new Set([...all.items, ...next.items].map((p) => p.call.id))).toEqual(
      new Set([first.call.id, second.call.id]),
    );
    expect(all.calls.map((c) => c.id).sort()).toEqual([first.call.id, second.call.id].sort());

    const ofFirst = await admin.selection.projects.list.query({ callId: first.call.id });
    expect(ofFirst.total).toBe(1);
    expect(ofFirst.items.map((p) => p.call.id)).toEqual([first.call.id]);
    const signing = await admin.selection.projects.list.query({
      status: 'contracting',
      callId: second.call.id,
    });
    expect(signing.items.map((p) => p.statusName)).toEqual(['待签订任务书']);
    const running = await admin.selection.projects.list.query({ status: 'in-progress' });
    expect(running).toMatchObject({ total: 0, items: [] });

    // The projects' lead units are in 埇桥区: 砀山's officer sees neither, nor their calls.
    const dangshan = await h.officer('dangshan');
    expect(await dangshan.selection.projects.list.query({})).toMatchObject({
      total: 0,
      items: [],
      calls: [],
    });
    const tooBig = await failure(() => admin.selection.projects.list.query({ pageSize: 101 }));
    expect(tooBig.fieldErrors).toEqual({ pageSize: ['每页最多100条'] });
  });
});
