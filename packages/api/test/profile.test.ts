import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, firmInput, researcherInput, residentId } from './fixtures';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('an applicant’s own organisation profile', () => {
  it('registers a firm, reads it back and updates it', async () => {
    const me = await h.applicant();
    const saved = await me.profile.saveOrganisation.mutate(
      firmInput({ creditCode: creditCode(1) }),
    );
    expect(saved).toMatchObject({
      type: 'firm',
      areaCode: 'yongqiao',
      contactPhone: '13955710001',
    });

    const mine = await me.profile.mine.query();
    expect(mine.type).toBe('organisation');

    const updated = await me.profile.saveOrganisation.mutate(
      firmInput({
        creditCode: creditCode(1),
        areaCode: 'sz-hitech',
        qualifications: ['high-tech-enterprise'],
      }),
    );
    expect(updated.id).toBe(saved.id);
    expect(updated.areaCode).toBe('sz-hitech');
    expect((await me.auth.me.query()) as { profileType: string }).toMatchObject({
      profileType: 'organisation',
    });
  });

  it('refuses an invalid credit code with the reason under the field, and writes nothing', async () => {
    const me = await h.applicant();
    const before = await h.prisma.organisation.count();
    const result = await failure(() =>
      me.profile.saveOrganisation.mutate(
        firmInput({ creditCode: '91341302MA0000010X', contactPhone: '12345' }),
      ),
    );
    expect(result.appCode).toBe('INVALID_INPUT');
    expect(result.fieldErrors?.creditCode).toEqual([
      '统一社会信用代码校验位不正确，请核对后重新输入',
    ]);
    expect(result.fieldErrors?.contactPhone).toEqual(['手机号码应为11位，当前为5位']);
    expect(await h.prisma.organisation.count()).toBe(before);
  });

  it('refuses a credit code another account registered, leaving that record untouched', async () => {
    const owner = await h.applicant();
    const theirs = await owner.profile.saveOrganisation.mutate(
      firmInput({ creditCode: creditCode(2), name: '原企业名称有限公司' }),
    );
    const intruder = await h.applicant();
    const result = await failure(() =>
      intruder.profile.saveOrganisation.mutate(
        firmInput({ creditCode: creditCode(2), name: '冒名企业' }),
      ),
    );
    expect(result).toMatchObject({
      appCode: 'CREDIT_CODE_TAKEN',
      fieldErrors: { creditCode: [expect.stringContaining('可提交认领申诉')] },
    });
    const row = await h.prisma.organisation.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(row.name).toBe('原企业名称有限公司');
    expect((await intruder.profile.mine.query()).type).toBeNull();
  });

  it('lets exactly one of two accounts racing for the same credit code have it, the other told why', async () => {
    const [a, b] = await Promise.all([h.applicant(), h.applicant()]);
    const results = await Promise.allSettled([
      a.profile.saveOrganisation.mutate(firmInput({ creditCode: creditCode(6) })),
      b.profile.saveOrganisation.mutate(firmInput({ creditCode: creditCode(6) })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    const appCode = await failure(() => Promise.reject((rejected as PromiseRejectedResult).reason));
    expect(appCode.appCode).toBe('CREDIT_CODE_TAKEN');
    expect(await h.prisma.organisation.count({ where: { creditCode: creditCode(6) } })).toBe(1);
  });

  it('ignores a record id smuggled into the input: you can only ever write your own profile', async () => {
    const victim = await h.applicant();
    const theirs = await victim.profile.saveOrganisation.mutate(
      firmInput({ creditCode: creditCode(3) }),
    );
    const attacker = await h.applicant();
    const mine = await attacker.profile.saveOrganisation.mutate({
      ...firmInput({ creditCode: creditCode(4), name: '攻击者公司' }),
      id: theirs.id,
      ownerUserId: 'x',
    } as never);
    expect(mine.id).not.toBe(theirs.id);
    expect((await h.prisma.organisation.findUniqueOrThrow({ where: { id: theirs.id } })).name).toBe(
      firmInput().name,
    );
  });
});

describe('an applicant’s own researcher profile', () => {
  it('stores the ID number only as a keyed hash and a mask', async () => {
    const me = await h.applicant();
    const id = residentId('19780301', '457');
    const saved = await me.profile.saveResearcher.mutate(researcherInput({ residentId: id }));
    expect(saved.residentIdMasked).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(saved.birthDate).toBe('1978-03-01');
    expect(saved.sex).toBe('male');
    const row = await h.prisma.researcher.findUniqueOrThrow({ where: { id: saved.id } });
    expect(JSON.stringify(row)).not.toContain(id);
  });

  it('refuses the same ID number on a second account', async () => {
    const id = residentId('19850101', '222');
    await (await h.applicant()).profile.saveResearcher.mutate(researcherInput({ residentId: id }));
    const result = await failure(async () =>
      (await h.applicant()).profile.saveResearcher.mutate(researcherInput({ residentId: id })),
    );
    expect(result).toMatchObject({
      appCode: 'RESIDENT_ID_TAKEN',
      fieldErrors: { residentId: ['该身份证号码已被其他账号注册'] },
    });
  });

  it('refuses a second kind of profile on one account', async () => {
    const me = await h.applicant();
    await me.profile.saveResearcher.mutate(
      researcherInput({ residentId: residentId('19900101', '333') }),
    );
    const result = await failure(() =>
      me.profile.saveOrganisation.mutate(firmInput({ creditCode: creditCode(5) })),
    );
    expect(result.appCode).toBe('ALREADY_REGISTERED');
    expect(await h.prisma.organisation.count({ where: { creditCode: creditCode(5) } })).toBe(0);
  });

  it('refuses an invalid ID number with the reason', async () => {
    const me = await h.applicant();
    const result = await failure(() =>
      me.profile.saveResearcher.mutate(researcherInput({ residentId: '341302198006151230' })),
    );
    expect(result.fieldErrors?.residentId?.[0]).toMatch(/校验位不正确|出生日期/);
  });
});
