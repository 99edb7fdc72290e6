import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLIANCE_STATUS_CODES } from '@kc/domain';
import { applicantFileAccess, officerFileAccess } from '../src';
import type { ApplicantCaller, OfficerCaller } from '../src/caller';
import { unreferencedFiles } from '../src/files/unreferenced';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { firmApplicant } from './awards-support';
import { INSTITUTE, UNIVERSITY, allianceForm, submittedAlliance } from './alliance-support';
import { invitedMember, registeredOrg } from './members-support';

/**
 * 创新联盟 (plan 四.4): the lead firm's administrator registers an alliance, the area officer
 * returns it with a comment, the firm corrects it, the officer approves it, the public reads it,
 * and an approved one is dissolved with a reason. Every officer step is audited and told to the
 * lead firm; every refusal is a Chinese message with a stable code, and writes nothing.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the registry’s rules in the database', () => {
  it('holds to the same statuses as the domain', async () => {
    const [row] = await h.prisma.$queryRaw<{ def: string }[]>`
      SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conname = 'alliance_status_valid'`;
    const listed = [...(row?.def ?? '').matchAll(/'([a-z-]+)'/g)].map((m) => m[1]).sort();
    expect(listed).toEqual([...ALLIANCE_STATUS_CODES].sort());
  });
});

describe('from registration to the public registry', () => {
  it('runs: submit, return, correct, approve, publish, dissolve', async () => {
    const firm = await firmApplicant(h, 'yongqiao');
    // A registered unit is picked by a part of its name; the firm itself is never offered.
    const found = await firm.client.alliances.memberUnits.query({ q: '创新理工' });
    expect(found).toEqual([
      {
        id: expect.any(String),
        name: UNIVERSITY,
        type: 'university',
        typeName: '高校',
        areaName: '宿州高新技术产业开发区',
      },
    ]);
    expect(
      (await firm.client.alliances.memberUnits.query({ q: firm.org.name.slice(0, 8) })).map(
        (o) => o.id,
      ),
    ).not.toContain(firm.org.id);

    const form = await allianceForm(firm, {
      members: [
        // The registered name and type win over what the client sent.
        { organisationId: found[0]!.id, name: '随便写的名字', unitType: 'firm' },
        { name: '合肥工业大学', unitType: 'university' },
      ],
    });
    const submitted = await firm.client.alliances.submit.mutate(form);
    expect(submitted).toMatchObject({
      number: expect.stringMatching(/^SZKC-LM-2026-\d{3}$/),
      status: 'submitted',
      statusName: '待审核',
      leadOrganisationName: firm.org.name,
      areaName: '埇桥区',
      fieldName: '低碳能源',
      version: 1,
      charter: { id: form.charterFileId, originalName: 'alliance-charter.pdf' },
      members: [
        {
          organisationId: found[0]!.id,
          name: UNIVERSITY,
          unitType: 'university',
          unitTypeName: '高校',
        },
        {
          organisationId: null,
          name: '合肥工业大学',
          unitType: 'university',
          unitTypeName: '高校',
        },
      ],
    });

    // Not public before approval; another area's officer neither sees nor decides it.
    const anyone = h.client();
    expect((await anyone.alliances.published.query({})).items.map((a) => a.id)).not.toContain(
      submitted.id,
    );
    expect(
      (await failure(() => anyone.alliances.publishedById.query({ id: submitted.id }))).appCode,
    ).toBe('NOT_FOUND');
    const dangshan = await h.officer('dangshan');
    expect((await dangshan.alliances.list.query({})).items.map((a) => a.id)).not.toContain(
      submitted.id,
    );
    expect(
      (
        await failure(() =>
          dangshan.alliances.decide.mutate({
            id: submitted.id,
            expectedVersion: 1,
            action: 'approve',
          }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');
    expect((await failure(() => dangshan.alliances.byId.query({ id: submitted.id }))).appCode).toBe(
      'NOT_FOUND',
    );

    const yongqiao = await h.officer('yongqiao');
    const listed = await yongqiao.alliances.list.query({ status: 'submitted', q: '低碳能源' });
    expect(listed.items.map((a) => a.id)).toContain(submitted.id);
    const noComment = await failure(() =>
      yongqiao.alliances.decide.mutate({
        id: submitted.id,
        expectedVersion: 1,
        action: 'return',
        comment: '   ',
      }),
    );
    expect(noComment).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { comment: ['请写明需要修改的内容'] },
    });
    const returned = await yongqiao.alliances.decide.mutate({
      id: submitted.id,
      expectedVersion: 1,
      action: 'return',
      comment: '请补充成员单位的分工',
    });
    expect(returned).toMatchObject({ status: 'returned', comment: '请补充成员单位的分工' });
    // Approving what was returned is not a step there is.
    expect(
      (
        await failure(() =>
          yongqiao.alliances.decide.mutate({
            id: submitted.id,
            expectedVersion: returned.version,
            action: 'approve',
          }),
        )
      ).message,
    ).toBe('该联盟当前为“退回修改”，不能通过');

    const [mine] = await firm.client.alliances.mine.query();
    expect(mine).toMatchObject({ id: submitted.id, statusName: '退回修改' });
    expect(mine?.comment).toBe('请补充成员单位的分工');

    // The firm corrects from an old page: refused, nothing changes.
    const stale = await failure(() =>
      firm.client.alliances.update.mutate({
        id: submitted.id,
        expectedVersion: 1,
        alliance: form,
      }),
    );
    expect(stale).toMatchObject({
      appCode: 'STALE_VERSION',
      message: '该联盟登记刚被更新，请刷新后再试',
    });
    const corrected = await firm.client.alliances.update.mutate({
      id: submitted.id,
      expectedVersion: returned.version,
      alliance: {
        ...form,
        purpose: `${form.purpose}牵头单位负责中试平台，高校负责基础研究。`,
        members: [...form.members, { name: '安徽省能源研究所', unitType: 'institute' }],
      },
    });
    expect(corrected).toMatchObject({ status: 'submitted', comment: null });
    expect(corrected.members.map((m) => m.name)).toEqual([
      UNIVERSITY,
      '合肥工业大学',
      '安徽省能源研究所',
    ]);
    expect(await h.prisma.allianceMember.count({ where: { allianceId: submitted.id } })).toBe(3);

    const approved = await yongqiao.alliances.decide.mutate({
      id: submitted.id,
      expectedVersion: corrected.version,
      action: 'approve',
    });
    expect(approved).toMatchObject({ status: 'approved', statusName: '已通过', comment: null });
    // Approved, it stands as registered: the firm may no longer change it.
    expect(
      (
        await failure(() =>
          firm.client.alliances.update.mutate({
            id: submitted.id,
            expectedVersion: approved.version,
            alliance: form,
          }),
        )
      ).appCode,
    ).toBe('INVALID_TRANSITION');

    const board = await anyone.alliances.published.query({ fieldCode: 'low-carbon-energy' });
    const shown = board.items.find((a) => a.id === submitted.id);
    expect(shown).toMatchObject({
      name: '宿州低碳能源产业技术创新联盟',
      leadOrganisationName: firm.org.name,
      members: [
        { name: UNIVERSITY, unitType: 'university', unitTypeName: '高校' },
        { name: '合肥工业大学', unitType: 'university', unitTypeName: '高校' },
        { name: '安徽省能源研究所', unitType: 'institute', unitTypeName: '科研院所' },
      ],
    });
    // The public registry carries no status, comment, charter, ids of units or people.
    expect(Object.keys(shown ?? {}).sort()).toEqual(
      [
        'approvedAt',
        'areaName',
        'fieldCode',
        'fieldName',
        'id',
        'leadOrganisationName',
        'members',
        'name',
        'number',
        'purpose',
      ].sort(),
    );
    expect(JSON.stringify(shown)).not.toMatch(/contact|phone|mobile|charter|organisationId/i);

    // Dissolving asks for a reason, then takes the alliance off the public registry.
    const noReason = await failure(() =>
      yongqiao.alliances.decide.mutate({
        id: submitted.id,
        expectedVersion: approved.version,
        action: 'dissolve',
      }),
    );
    expect(noReason.fieldErrors).toEqual({ comment: ['请写明撤销的原因'] });
    const dissolved = await yongqiao.alliances.decide.mutate({
      id: submitted.id,
      expectedVersion: approved.version,
      action: 'dissolve',
      comment: '联盟已停止运行',
    });
    expect(dissolved).toMatchObject({ status: 'dissolved', statusName: '已撤销' });
    expect(
      (await failure(() => anyone.alliances.publishedById.query({ id: submitted.id }))).appCode,
    ).toBe('NOT_FOUND');

    const told = await firm.client.notifications.mine.query({});
    expect(told.items.map((i) => i.title)).toEqual(
      expect.arrayContaining([
        '创新联盟“宿州低碳能源产业技术创新联盟”：退回修改',
        '创新联盟“宿州低碳能源产业技术创新联盟”登记已通过',
        '创新联盟“宿州低碳能源产业技术创新联盟”：撤销',
      ]),
    );
    expect(told.items.find((i) => i.title.endsWith('撤销'))).toMatchObject({
      body: '原因：联盟已停止运行',
      link: { page: 'alliance', id: submitted.id },
    });

    const audit = await yongqiao.audit.search.query({ objectId: submitted.id });
    expect(audit.items.map((i) => i.actionLabel).reverse()).toEqual([
      '登记创新联盟（待审核）',
      '创新联盟：退回修改',
      '修改创新联盟登记',
      '创新联盟：通过',
      '创新联盟：撤销',
    ]);
    expect(audit.items[0]).toMatchObject({
      objectTypeLabel: '创新联盟',
      objectLabel: `${submitted.number} 宿州低碳能源产业技术创新联盟`,
    });
  });
});

describe('who may register', () => {
  it('only the lead firm’s administrator: not a 经办人, an unverified firm or a university', async () => {
    const firm = await firmApplicant(h, 'yongqiao');
    const agent = await invitedMember(h, firm.client, 'agent', '刘经办');
    const byAgent = await failure(async () =>
      agent.client.alliances.submit.mutate(await allianceForm(firm)),
    );
    expect(byAgent).toMatchObject({ appCode: 'NOT_ORG_ADMIN', httpStatus: 403 });

    const unverified = await registeredOrg(h);
    const charter = await h.prisma.storedFile.create({
      data: {
        createdAt: h.clock.now,
        sha256: 'a'.repeat(64),
        sizeBytes: 10,
        mimeType: 'application/pdf',
        originalName: '章程.pdf',
        ownerUserId: unverified.userId,
      },
    });
    const notVerified = await failure(async () =>
      unverified.admin.alliances.submit.mutate({
        ...(await allianceForm(firm)),
        charterFileId: charter.id,
      }),
    );
    expect(notVerified.appCode).toBe('ORGANISATION_NOT_VERIFIED');

    const university = await h.applicant('demo-openid-university-1');
    const byUniversity = await failure(async () =>
      university.alliances.submit.mutate(await allianceForm(firm)),
    );
    expect(byUniversity).toMatchObject({
      appCode: 'NOT_ELIGIBLE',
      message: '创新联盟须由企业牵头组建，高校、科研院所等单位可作为成员单位参加',
    });
    expect(await h.prisma.alliance.count({ where: { submittedBy: agent.userId } })).toBe(0);
  });

  it('another firm can neither see nor change the registration', async () => {
    const { alliance } = await submittedAlliance(h);
    const other = await firmApplicant(h, 'yongqiao');
    expect((await other.client.alliances.mine.query()).map((a) => a.id)).not.toContain(alliance.id);
    const refused = await failure(async () =>
      other.client.alliances.update.mutate({
        id: alliance.id,
        expectedVersion: alliance.version,
        alliance: await allianceForm(other),
      }),
    );
    expect(refused.appCode).toBe('NOT_FOUND');
  });

  it('an officer outside casework (finance) decides nothing', async () => {
    const { alliance } = await submittedAlliance(h);
    const finance = await h.officer('finance');
    const refused = await failure(() =>
      finance.alliances.decide.mutate({
        id: alliance.id,
        expectedVersion: alliance.version,
        action: 'approve',
      }),
    );
    expect(refused.appCode).toBe('FORBIDDEN');
  });
});

describe('two officers at once', () => {
  it('decide once: the second, on the same version, is told it changed', async () => {
    const { firm, alliance } = await submittedAlliance(h, 'yongqiao', {
      name: '宿州先进材料产业创新联合体',
    });
    const [area, bureau] = await Promise.all([h.officer('yongqiao'), h.officer('admin')]);
    const outcomes = await Promise.allSettled([
      area.alliances.decide.mutate({
        id: alliance.id,
        expectedVersion: alliance.version,
        action: 'approve',
      }),
      bureau.alliances.decide.mutate({
        id: alliance.id,
        expectedVersion: alliance.version,
        action: 'return',
        comment: '请补充章程',
      }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === 'rejected');
    expect(lost && 'reason' in lost && (lost.reason as Error).message).toBe(
      '该联盟登记刚被更新，请刷新后再试',
    );
    const row = await h.prisma.alliance.findUniqueOrThrow({ where: { id: alliance.id } });
    expect(row.version).toBe(alliance.version + 1);
    const told = await firm.client.notifications.mine.query({});
    expect(told.items.filter((i) => i.title.includes('宿州先进材料产业创新联合体'))).toHaveLength(
      1,
    );
  });
});

describe('what a registration must hold', () => {
  let firm: Awaited<ReturnType<typeof firmApplicant>>;
  beforeAll(async () => {
    firm = await firmApplicant(h, 'dangshan');
  });
  const stored = () => h.prisma.alliance.count({ where: { leadOrganisationId: firm.org.id } });

  it('refuses too few or too many members, in the schema’s words', async () => {
    const few = await failure(async () =>
      firm.client.alliances.submit.mutate(
        await allianceForm(firm, { members: [{ name: '合肥工业大学', unitType: 'university' }] }),
      ),
    );
    expect(few).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { members: ['除牵头单位外，成员单位至少2家'] },
    });
    const many = await failure(async () =>
      firm.client.alliances.submit.mutate(
        await allianceForm(firm, {
          members: Array.from({ length: 51 }, (_, i) => ({
            name: `成员单位${i + 1}`,
            unitType: 'firm' as const,
          })),
        }),
      ),
    );
    expect(many.fieldErrors?.members).toEqual(['成员单位不超过50家']);
    expect(await stored()).toBe(0);
  });

  it('refuses a unit listed twice, by name or by its registered id', async () => {
    const byName = await failure(async () =>
      firm.client.alliances.submit.mutate(
        await allianceForm(firm, {
          members: [
            { name: '合肥工业大学', unitType: 'university' },
            { name: '合肥 工业大学', unitType: 'university' },
          ],
        }),
      ),
    );
    // Under the second unit, where the form shows it (members.1.name).
    expect(byName.fieldErrors).toEqual({ 'members.1.name': ['成员单位“合肥 工业大学”重复'] });

    // A registered unit picked once and typed once: the same unit once its name is read.
    const [institute] = await firm.client.alliances.memberUnits.query({ q: '北斗时空' });
    const registered = await failure(async () =>
      firm.client.alliances.submit.mutate(
        await allianceForm(firm, {
          members: [
            { organisationId: institute!.id, name: '北斗研究院', unitType: 'institute' },
            { name: INSTITUTE, unitType: 'institute' },
          ],
        }),
      ),
    );
    expect(registered).toMatchObject({
      appCode: 'INVALID_INPUT',
      message: `成员单位“${INSTITUTE}”重复`,
      fieldErrors: { members: [`成员单位“${INSTITUTE}”重复`] },
    });
    expect(await stored()).toBe(0);
  });

  it('refuses the lead firm as its own member, picked or typed', async () => {
    for (const member of [
      { organisationId: firm.org.id, name: firm.org.name, unitType: 'firm' as const },
      { name: firm.org.name, unitType: 'firm' as const },
    ]) {
      const refused = await failure(async () =>
        firm.client.alliances.submit.mutate(
          await allianceForm(firm, {
            members: [member, { name: '合肥工业大学', unitType: 'university' }],
          }),
        ),
      );
      expect(refused).toMatchObject({
        appCode: 'INVALID_INPUT',
        message: '牵头单位不能同时作为成员单位',
      });
    }
    expect(await stored()).toBe(0);
  });

  it('refuses a picked unit that is not a verified organisation, writing nothing', async () => {
    const numbersBefore = await h.prisma.numberCounter.findMany({ where: { scope: 'alliance' } });
    const unverified = await registeredOrg(h, { name: '宿州未认证科技有限公司' });
    const refused = await failure(async () =>
      firm.client.alliances.submit.mutate(
        await allianceForm(firm, {
          members: [
            { organisationId: unverified.org.id, name: '宿州未认证科技有限公司', unitType: 'firm' },
            { name: '合肥工业大学', unitType: 'university' },
          ],
        }),
      ),
    );
    expect(refused.message).toBe(
      '成员单位“宿州未认证科技有限公司”不是平台上已认证的单位，请重新选择或直接填写单位名称',
    );
    expect(await stored()).toBe(0);
    // The number is taken after the checks, in the same transaction: none was used up.
    expect(await h.prisma.numberCounter.findMany({ where: { scope: 'alliance' } })).toEqual(
      numbersBefore,
    );
  });

  it('refuses a charter the firm did not upload, and a second registration of the same name', async () => {
    const other = await firmApplicant(h, 'dangshan');
    const notMine = await failure(async () =>
      firm.client.alliances.submit.mutate({
        ...(await allianceForm(firm)),
        charterFileId: (await other.upload('charter')).fileId,
      }),
    );
    expect(notMine.fieldErrors).toEqual({ charterFileId: ['联盟章程文件无效，请重新上传'] });
    const missing = await failure(async () =>
      firm.client.alliances.submit.mutate({ ...(await allianceForm(firm)), charterFileId: '' }),
    );
    expect(missing.fieldErrors).toEqual({ charterFileId: ['请上传联盟章程'] });

    await firm.client.alliances.submit.mutate(await allianceForm(firm));
    const twice = await failure(async () =>
      firm.client.alliances.submit.mutate(await allianceForm(firm)),
    );
    expect(twice.fieldErrors).toEqual({ name: ['本单位已登记同名的创新联盟'] });
    expect(await stored()).toBe(1);
  });

  it('keeps a returned registration unchanged when the correction is refused', async () => {
    const { firm: lead, alliance } = await submittedAlliance(h, 'dangshan', {
      name: '砀山果业智慧农业创新联合体',
    });
    const officer = await h.officer('dangshan');
    const returned = await officer.alliances.decide.mutate({
      id: alliance.id,
      expectedVersion: alliance.version,
      action: 'return',
      comment: '请补充章程盖章页',
    });
    const refused = await failure(async () =>
      lead.client.alliances.update.mutate({
        id: alliance.id,
        expectedVersion: returned.version,
        alliance: await allianceForm(lead, {
          name: '砀山果业智慧农业创新联合体',
          members: [
            { name: lead.org.name, unitType: 'firm' },
            { name: '安徽农业大学', unitType: 'university' },
          ],
        }),
      }),
    );
    expect(refused.message).toBe('牵头单位不能同时作为成员单位');
    const row = await h.prisma.alliance.findUniqueOrThrow({
      where: { id: alliance.id },
      include: { members: { orderBy: { position: 'asc' } } },
    });
    expect(row).toMatchObject({ status: 'returned', version: returned.version });
    expect(row.members.map((m) => m.name)).toEqual(['合肥工业大学', '安徽省能源研究所']);
  });
});

describe('the charter', () => {
  /** Another transaction of this database waits on a lock. */
  async function someoneWaits() {
    for (let i = 0; i < 100; i++) {
      const [row] = await h.prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (row && row.n > 0n) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }
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

  it('is read by the area’s officers, the bureau and the lead firm’s people only', async () => {
    const { firm, alliance } = await submittedAlliance(h, 'yongqiao', {
      name: '宿州通用智能产业创新联盟',
    });
    const file = await h.prisma.storedFile.findUniqueOrThrow({
      where: { id: alliance.charter!.id },
    });
    const canOfficer = officerFileAccess(h.db);
    expect(await canOfficer(await officer('yongqiao'), file)).toMatchObject({
      areaCode: 'yongqiao',
      details: { allianceId: alliance.id, number: alliance.number },
    });
    expect(await canOfficer(await officer('admin'), file)).not.toBe(false);
    expect(await canOfficer(await officer('dangshan'), file)).toBe(false);

    const colleague = await invitedMember(h, firm.client, 'agent', '王经办');
    const stranger = await firmApplicant(h);
    const applicant = (userId: string): ApplicantCaller => ({
      kind: 'applicant',
      userId,
      sessionId: 'test',
      openid: 'test',
    });
    const canApplicant = applicantFileAccess(h.db);
    expect(await canApplicant(applicant(colleague.userId), file)).toBe(true);
    expect(await canApplicant(applicant(stranger.userId), file)).toBe(false);
  });

  // PGlite has one connection: transactions never overlap there (file-holders.test.ts).
  it.runIf(process.env.DATABASE_URL)(
    'is not registered while it is being removed: the registration waits, then is refused',
    async () => {
      const firm = await firmApplicant(h, 'yongqiao');
      const form = await allianceForm(firm, { name: '宿州先进光伏产业创新联盟' });
      let open!: () => void;
      const removed = new Promise<void>((r) => (open = r));
      let release!: () => void;
      const done = new Promise<void>((r) => (release = r));
      // 注销 or the retention job judging the charter unreferenced and removing it, not yet committed.
      const removal = h.prisma.$transaction(async (tx) => {
        const free = await unreferencedFiles(tx, { id: form.charterFileId });
        await tx.storedFile.deleteMany({ where: { id: { in: free.map((f) => f.id) } } });
        open();
        await done;
        return free.map((f) => f.id);
      });
      await removed;
      const registration = failure(() => firm.client.alliances.submit.mutate(form));
      expect(await someoneWaits()).toBe(true);
      release();
      expect(await removal).toEqual([form.charterFileId]);
      expect((await registration).fieldErrors).toEqual({
        charterFileId: ['联盟章程文件无效，请重新上传'],
      });
      expect(await h.prisma.alliance.count({ where: { charterFileId: form.charterFileId } })).toBe(
        0,
      );
    },
  );

  it('outlives the account of the administrator who uploaded it', async () => {
    const { firm, alliance } = await submittedAlliance(h, 'yongqiao', {
      name: '宿州空天信息产业创新联盟',
    });
    // A second administrator takes over, so the first may cancel their account.
    await invitedMember(h, firm.client, 'admin', '接任管理员');
    await firm.client.me.cancelAccount.mutate({ confirmation: '注销' });
    expect(await h.prisma.storedFile.count({ where: { id: alliance.charter!.id } })).toBe(1);
  });
});
