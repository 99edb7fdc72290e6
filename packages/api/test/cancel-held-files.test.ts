import type { Readable } from 'node:stream';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/**
 * 注销 and the organisation's records: a member's uploads that a record of the organisation holds
 * — here a selection submission's attachments, kept as JSON in selection_submission.evidence —
 * are the organisation's, not the person's, and outlive their account. Only what no record holds
 * is removed (privacy/cancel.ts, files/unreferenced.ts).
 */
describe('account cancellation and the files records hold', () => {
  let h: Harness;
  let files: ReturnType<typeof createFileService>;
  beforeAll(async () => {
    // 2027-03-01 10:00 in Shanghai: the call below takes submissions.
    h = await createHarness({ start: new Date('2027-03-01T02:00:00Z') });
    files = createFileService({
      store: h.fileStore,
      records: prismaFileRecords(h.prisma, () => h.clock.now),
      maxBytes: 10 * 1024 * 1024,
      audit: h.prisma,
      now: () => h.clock.now,
    });
  });
  afterAll(() => h.close());

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
      bytes: demoPdf([name, `${userId} ${Math.random()}`]),
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

  /** The file's row and its bytes in the store. */
  async function kept(fileId: string) {
    const row = await h.prisma.storedFile.findUnique({ where: { id: fileId } });
    return row !== null && (await h.fileStore.has(row.sha256));
  }

  async function scenarioCall() {
    const admin = await h.officer('admin');
    const draft = await admin.selection.calls.create.mutate({
      programme: 'scenario-case',
      year: 2027,
      title: `2027年度市级重大应用场景典型案例评选${Math.random().toString(36).slice(2, 6)}`,
      guide: '面向未来产业五大方向，征集已落地运行、成效明显的应用场景典型案例。',
      applyFrom: '2027-03-01',
      applyUntil: '2027-03-31',
    });
    return admin.selection.calls.advance.mutate({
      id: draft.id,
      expectedVersion: draft.version,
      action: 'publish',
    });
  }

  /**
   * A firm of 埇桥区 whose 经办人 prepares the submission with their own uploads: the three files a
   * scenario case needs, and one more they uploaded but never attached.
   */
  async function preparedByAgent() {
    const call = await scenarioCall();
    const firm = await firmApplicant(h, 'yongqiao');
    const agent = await colleague(h, firm.org.id);
    const evidence = [
      { kind: 'case-summary', fileId: await upload(agent.userId, '案例简介.pdf') },
      { kind: 'site-proof', fileId: await upload(agent.userId, '落地证明.pdf') },
      { kind: 'credit-commitment', fileId: await upload(agent.userId, '信用承诺书.pdf') },
    ];
    const loose = await upload(agent.userId, '未使用的扫描件.pdf');
    const draft = await agent.client.selection.submissions.save.mutate({
      callId: call.id,
      title: '宿州智慧农业无人机植保应用场景',
      form: {
        caseName: '宿州智慧农业无人机植保应用场景',
        applicationDomain: 'industry',
        fieldCode: 'aerospace-information',
        site: '埇桥区现代农业示范园',
        summary: '在埇桥区两万亩小麦田开展无人机植保作业，作业效率提升五倍，农药用量下降三成。',
      },
      team: [],
      evidence,
    });
    return { call, firm, agent, evidence, loose, draft };
  }

  it('a submitted submission keeps its attachments for the officers and the firm', async () => {
    const { firm, agent, evidence, loose, draft } = await preparedByAgent();
    await agent.client.selection.submissions.submit.mutate({
      id: draft.id,
      expectedVersion: draft.version,
    });

    await agent.client.me.cancelAccount.mutate({ confirmation: '注销' });

    // The unattached upload was the person's own: gone, row and bytes.
    expect(await kept(loose)).toBe(false);
    const audit = await h.prisma.auditLog.findFirstOrThrow({
      where: { action: 'privacy.cancel-account', objectId: agent.userId },
    });
    expect(audit.details).toMatchObject({ counts: { stored_file: 1 } });
    // The submission's are the firm's: still on file, and read as before.
    for (const { fileId } of evidence) expect(await kept(fileId)).toBe(true);
    const names = ['案例简介.pdf', '落地证明.pdf', '信用承诺书.pdf'];
    for (const who of ['yongqiao', 'admin']) {
      const caller = await officer(who);
      expect(await Promise.all(evidence.map((e) => download(caller, e.fileId)))).toEqual(names);
    }
    expect(
      await Promise.all(evidence.map((e) => download(applicant(firm.userId), e.fileId))),
    ).toEqual(names);
  });

  it('a draft keeps its attachments: the firm may still submit it', async () => {
    const { firm, agent, evidence, loose, draft } = await preparedByAgent();

    await agent.client.me.cancelAccount.mutate({ confirmation: '注销' });

    expect(await kept(loose)).toBe(false);
    for (const { fileId } of evidence) expect(await kept(fileId)).toBe(true);
    // The firm's administrator reads the draft's files and submits it as it stands.
    expect(await download(applicant(firm.userId), evidence[0]!.fileId)).toBe('案例简介.pdf');
    await firm.client.selection.submissions.submit.mutate({
      id: draft.id,
      expectedVersion: draft.version,
    });
    expect(await download(await officer('yongqiao'), evidence[1]!.fileId)).toBe('落地证明.pdf');
  });

  it('a colleague corrects the draft keeping the files of the member who left', async () => {
    const { call, firm, agent, evidence, loose, draft } = await preparedByAgent();
    await agent.client.me.cancelAccount.mutate({ confirmation: '注销' });

    // The administrator replaces one file with their own and keeps the other two.
    const own = { kind: 'site-proof', fileId: (await firm.upload('site-proof')).fileId };
    const saved = await firm.client.selection.submissions.save.mutate({
      callId: call.id,
      expectedVersion: draft.version,
      title: draft.title,
      form: draft.form,
      team: [],
      evidence: [evidence[0]!, own, evidence[2]!],
    });
    expect(saved.evidence).toEqual([evidence[0], own, evidence[2]]);
    // A file the draft does not have is still only the caller's own: the removed one of the
    // member who left, or any other file id, is refused.
    for (const fileId of [evidence[1]!.fileId, loose]) {
      const refused = await failure(() =>
        firm.client.selection.submissions.save.mutate({
          callId: call.id,
          expectedVersion: saved.version,
          title: draft.title,
          form: draft.form,
          team: [],
          evidence: [...saved.evidence, { kind: 'site-proof', fileId }],
        }),
      );
      expect(refused).toMatchObject({
        appCode: 'INVALID_INPUT',
        message: '材料文件不存在或不是您上传的',
      });
    }
  });
});
