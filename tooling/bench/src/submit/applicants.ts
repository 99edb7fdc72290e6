/**
 * The applicants `bench:submit` needs, each with a verified firm and a complete scenario-case
 * (四.1) draft. Users and sessions are written as a WeChat login leaves them and the
 * verification and uploads as the officer's approval and POST /files leave them (the API tests do
 * the same, packages/api/test/awards-support.ts); the organisation and the draft go through the
 * real API, as the mini-program sends them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '@kc/db';
import { creditCodeCheckChar } from '@kc/domain';
import { sessionFor } from '../database';
import { trpcPost } from './http';

/** The evidence a scenario-case application must carry (policy 四.1). */
const SCENARIO_EVIDENCE = ['selection-notice', 'case-summary', 'credit-commitment', 'bank-account'];
/** Names the bench's firms and users carry, so a run finds how many earlier runs left. */
export const BENCH_ORG_PREFIX = '宿州压测科技有限公司';

export interface Applicant {
  userId: string;
  token: string;
  /** Its own client address (X-Forwarded-For): phones on different networks. */
  address: string;
  applicationId: string;
  version: number;
  idempotencyKey: string;
}

function creditCode(serial: number): string {
  const first17 = `91341302MA${String(serial).padStart(6, '0')}0`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
}

export async function prepareApplicants(
  db: Db,
  apiUrl: string,
  n: number,
  concurrency: number,
): Promise<Applicant[]> {
  // Serials after those of earlier runs: credit codes are unique.
  const first =
    700_000 +
    (await db.prisma.organisation.count({ where: { name: { startsWith: BENCH_ORG_PREFIX } } }));
  const now = new Date();
  const out: Applicant[] = new Array<Applicant>(n);
  await inParallel(n, concurrency, async (i) => {
    const serial = first + i;
    const user = await db.prisma.user.create({
      data: {
        kind: 'APPLICANT',
        openid: `bench-openid-${serial}-${randomBytes(4).toString('hex')}`,
        displayName: `压测经办人${serial}`,
        createdAt: now,
        updatedAt: now,
      },
    });
    const token = await sessionFor(db, user.id, now);
    const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const call = (path: string, input: unknown) => trpcPost(apiUrl, path, input, token, address);
    const org = (await call('profile.saveOrganisation', {
      type: 'firm',
      name: `${BENCH_ORG_PREFIX}${serial}`,
      creditCode: creditCode(serial),
      areaCode: 'yongqiao',
      fieldCodes: ['general-intelligence'],
      subFieldCodes: ['ai-manufacturing'],
      qualifications: ['tech-sme'],
      contactName: '陈晓东',
      contactPhone: '13955710001',
    })) as { id: string };
    await db.prisma.organisation.update({
      where: { id: org.id },
      data: { verificationStatus: 'verified', verifiedAt: now, updatedAt: now },
    });
    const files = await db.prisma.storedFile.createManyAndReturn({
      data: SCENARIO_EVIDENCE.map((kind) => ({
        createdAt: now,
        sha256: randomBytes(32).toString('hex'),
        sizeBytes: 1024,
        mimeType: 'application/pdf',
        originalName: `${kind}.pdf`,
        ownerUserId: user.id,
      })),
    });
    const idempotencyKey = randomUUID();
    const draft = (await call('applications.saveDraft', {
      ruleId: 'scenario-case',
      input: {
        caseName: `压测智慧农业场景第${serial}号`,
        applicationDomain: 'industry',
        selectedOn: '2026-10-15',
        selectionDocNo: '宿科〔2026〕88号',
      },
      evidence: files.map((f, k) => ({ fileId: f.id, kind: SCENARIO_EVIDENCE[k] })),
      idempotencyKey,
    })) as { id: string; version: number };
    out[i] = {
      userId: user.id,
      token,
      address,
      applicationId: draft.id,
      version: draft.version,
      idempotencyKey,
    };
  });
  return out;
}

/** Runs `task(0..n-1)` with at most `concurrency` at once. */
export async function inParallel(
  n: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      for (let i = next++; i < n; i = next++) await task(i);
    }),
  );
}
