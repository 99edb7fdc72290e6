/**
 * Official lists in tests: the demo's sample files (packages/db/demo/official-lists), lists
 * written on the spot as CSV, and their upload as the bureau administrator — through the file
 * service the `POST /files/official-lists` route calls (the route itself is tested in
 * apps/server), into the harness's file store the API reads them back from.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OfficialListKind } from '@kc/domain';
import type { OfficerCaller } from '../src/caller';
import { DEFAULT_MAX_FILE_BYTES, createFileService, prismaFileRecords } from '../src/files';
import type { Harness } from './harness';

const SAMPLES = fileURLToPath(new URL('../../db/demo/official-lists/', import.meta.url));

export const SAMPLE_FILES = {
  highTech: 'high-tech-enterprise.xlsx',
  highTechGbk: 'high-tech-enterprise-gbk.csv',
  techSme: 'tech-sme.xlsx',
  rdPlatform: 'rd-platform.xlsx',
  incubator: 'incubator.xlsx',
} as const;

export function sampleBytes(name: string): Buffer {
  return readFileSync(`${SAMPLES}${name}`);
}

const HTE_HEADER = [
  '证书编号',
  '统一社会信用代码',
  '企业名称',
  '发证日期',
  '认定类型',
  '上一次证书编号',
];

/** A 高企 list as UTF-8 CSV (with the BOM Excel writes): the template header, then the rows. */
export function hteCsv(rows: string[][], header: string[] = HTE_HEADER): Buffer {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** The demo firm 安徽宿氢 (first recognition on the sample list) and others of the seed. */
export const DEMO = {
  suqing: { creditCode: '91341300MA2N8H4QXE', name: '安徽宿氢新能源科技有限公司' },
  xincai: { creditCode: '91341322MA2RB6T81F', name: '萧县新材陶瓷科技有限公司' },
  suma: { creditCode: '91341300MA8U2E6W8T', name: '安徽宿马航天遥感科技有限公司' },
  yunzhi: { creditCode: '91341302MA2P3K7D51', name: '宿州云智数据科技有限公司' },
  college: { creditCode: '12341300MB1957066X', name: '宿州创新理工学院' },
  /** On the sample 高企 list, not on the platform. */
  wanbei: { creditCode: '91341302MA2Q7W3K1N', name: '宿州皖北智能装备有限公司' },
} as const;

async function officerCaller(h: Harness, username: string): Promise<OfficerCaller> {
  const user = await h.prisma.user.findUniqueOrThrow({ where: { username } });
  return {
    kind: 'officer',
    userId: user.id,
    sessionId: 'test-upload',
    username,
    displayName: user.displayName,
    role: user.role === 'BUREAU_ADMIN' ? 'bureau-admin' : 'bureau-reviewer',
    areaCode: null,
  };
}

/** Uploads a list as the bureau administrator, as POST /files/official-lists does. */
export async function uploadList(h: Harness, bytes: Uint8Array, originalName: string) {
  const files = createFileService({
    store: h.fileStore,
    records: prismaFileRecords(h.prisma, () => h.clock.now),
    maxBytes: DEFAULT_MAX_FILE_BYTES,
    audit: h.prisma,
    now: () => h.clock.now,
  });
  return files.uploadOfficialList({ caller: await officerCaller(h, 'admin'), bytes, originalName });
}

/** Uploads and previews a list as the bureau administrator. */
export async function previewOf(
  h: Harness,
  kind: OfficialListKind,
  bytes: Uint8Array,
  originalName: string,
) {
  const file = await uploadList(h, bytes, originalName);
  const admin = await h.officer('admin');
  return admin.officialLists.preview.mutate({ kind, fileId: file.id });
}

/** A sample file previewed, then committed, as the bureau administrator. */
export async function importSample(h: Harness, kind: OfficialListKind, name: string) {
  const preview = await previewOf(h, kind, sampleBytes(name), name);
  const admin = await h.officer('admin');
  return admin.officialLists.commit.mutate({ importId: preview.id });
}

export async function organisationByCode(h: Harness, creditCode: string) {
  return h.prisma.organisation.findUniqueOrThrow({ where: { creditCode } });
}
