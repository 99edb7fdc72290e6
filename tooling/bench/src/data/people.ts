/**
 * Organisations with their members and 收款账户, and researchers, as registration and
 * verification leave them (the same columns the demo seed and the API write).
 */
import type { OrganisationType } from '@kc/db';
import type { AreaCode } from '@kc/domain';
import {
  AREA_CODES,
  FIELDS,
  QUALIFICATION_CODES,
  RESEARCHER_TITLE_CODES,
  maskResidentId,
} from '@kc/domain';
import { hashResidentId } from '@kc/db';
import { creditCode, mobile, organisationName, personName, residentId } from './identity';
import type { Rng } from './random';
import { DAY, HOUR } from './schedule';
import type { Cell, Sink } from './sink';

export interface OrgRow {
  id: string;
  type: OrganisationType;
  areaCode: AreaCode;
  name: string;
  creditCode: string;
  verified: boolean;
  qualifications: string[];
  /** active members (admin first): all of them hear of the organisation's applications */
  memberUserIds: string[];
  bank: { bankName: string; accountNo: string } | null;
}

export interface ResearcherRow {
  id: string;
  userId: string;
  name: string;
}

const ORG_TYPES: readonly (readonly [OrganisationType, number])[] = [
  ['FIRM', 80],
  ['INCUBATOR', 8],
  ['INSTITUTE', 8],
  ['UNIVERSITY', 4],
];
const BANKS = ['中国工商银行', '中国建设银行', '中国农业银行', '中国银行', '交通银行', '徽商银行'];

const USER_COLUMNS = [
  ['id', 'uuid'],
  ['kind', '"UserKind"'],
  ['openid', 'text'],
  ['display_name', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;

function fieldsOf(rng: Rng) {
  const fields = [rng.pick(FIELDS)];
  if (rng.chance(0.3)) fields.push(rng.pick(FIELDS));
  const unique = [...new Set(fields)];
  const subs = unique.flatMap((f) => f.subFields.filter(() => rng.chance(0.4)).map((s) => s.code));
  return { fieldCodes: unique.map((f) => f.code), subFieldCodes: subs };
}

export async function generateOrganisations(
  sink: Sink,
  rng: Rng,
  opts: { count: number; serialBase: number; salt: number; start: number; now: number },
): Promise<OrgRow[]> {
  const orgs: OrgRow[] = [];
  const users: Cell[][] = [];
  const orgRows: Cell[][] = [];
  const members: Cell[][] = [];
  const banks: Cell[][] = [];
  for (let i = 0; i < opts.count; i++) {
    const serial = opts.serialBase + i;
    const type = rng.weighted(ORG_TYPES);
    const areaCode = rng.pick(AREA_CODES);
    const name = organisationName(type, serial, rng);
    const createdAt = new Date(opts.start + rng() * (opts.now - opts.start) * 0.5);
    const status = rng.weighted([
      ['verified', 90],
      ['pending', 5],
      ['unverified', 3],
      ['rejected', 2],
    ] as const);
    const verified = status === 'verified';
    const verifiedAt = verified ? new Date(createdAt.getTime() + rng.int(1, 10) * DAY) : null;
    const contactName = personName(rng);
    const { fieldCodes, subFieldCodes } = fieldsOf(rng);
    const qualifications = QUALIFICATION_CODES.filter(() => type === 'FIRM' && rng.chance(0.25));
    const id = rng.uuid();
    const code = creditCode(type, areaCode, serial, opts.salt);
    orgRows.push([
      id,
      type,
      name,
      code,
      areaCode,
      `${name.slice(0, 2)}经济开发区${rng.int(1, 300)}号`,
      fieldCodes,
      subFieldCodes,
      qualifications,
      contactName,
      mobile(rng),
      '（批量生成的演示数据）',
      status,
      verifiedAt,
      verified ? contactName : null,
      createdAt,
      verifiedAt ?? createdAt,
    ]);
    const memberIds: string[] = [];
    const people =
      1 +
      rng.weighted([
        [0, 5],
        [1, 3],
        [2, 2],
      ] as const);
    for (let m = 0; m < people; m++) {
      const userId = rng.uuid();
      const joinedAt = new Date(createdAt.getTime() + m * rng.int(1, 30) * HOUR);
      users.push([
        userId,
        'APPLICANT',
        `bench-openid-org-${serial}-${m}`,
        m === 0 ? contactName : personName(rng),
        joinedAt,
        joinedAt,
      ]);
      members.push([
        rng.uuid(),
        id,
        userId,
        m === 0 ? 'admin' : 'agent',
        'active',
        m === 0 ? 'registered' : 'invited',
        m === 0 ? null : memberIds[0],
        joinedAt,
        joinedAt,
        joinedAt,
      ]);
      memberIds.push(userId);
    }
    let bank: OrgRow['bank'] = null;
    if (verified) {
      bank = {
        bankName: rng.pick(BANKS),
        accountNo:
          String(rng.int(10_000_000, 99_999_999)) + String(rng.int(10_000_000, 99_999_999)),
      };
      banks.push([
        rng.uuid(),
        id,
        name,
        bank.bankName,
        '宿州分行营业部',
        bank.accountNo,
        'active',
        memberIds[0],
        verifiedAt,
      ]);
    }
    orgs.push({
      id,
      type,
      areaCode,
      name,
      creditCode: code,
      verified,
      qualifications,
      memberUserIds: memberIds,
      bank,
    });
  }
  await sink.insert('user', USER_COLUMNS, users);
  await sink.insert(
    'organisation',
    [
      ['id', 'uuid'],
      ['type', '"OrganisationType"'],
      ['name', 'text'],
      ['credit_code', 'text'],
      ['area_code', 'text'],
      ['address', 'text'],
      ['field_codes', 'text[]'],
      ['sub_field_codes', 'text[]'],
      ['qualifications', 'text[]'],
      ['contact_name', 'text'],
      ['contact_phone', 'text'],
      ['intro', 'text'],
      ['verification_status', 'text'],
      ['verified_at', 'timestamptz'],
      ['legal_representative', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    orgRows,
  );
  await sink.insert(
    'organisation_member',
    [
      ['id', 'uuid'],
      ['organisation_id', 'uuid'],
      ['user_id', 'uuid'],
      ['role', 'text'],
      ['status', 'text'],
      ['origin', 'text'],
      ['invited_by', 'uuid'],
      ['joined_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    members,
  );
  await sink.insert(
    'organisation_bank_account',
    [
      ['id', 'uuid'],
      ['organisation_id', 'uuid'],
      ['holder', 'text'],
      ['bank_name', 'text'],
      ['branch_name', 'text'],
      ['account_no', 'text'],
      ['status', 'text'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    banks,
  );
  return orgs;
}

export async function generateResearchers(
  sink: Sink,
  rng: Rng,
  opts: {
    count: number;
    serialBase: number;
    start: number;
    now: number;
    orgs: readonly OrgRow[];
    piiHashKey?: string | undefined;
  },
): Promise<ResearcherRow[]> {
  const out: ResearcherRow[] = [];
  const users: Cell[][] = [];
  const rows: Cell[][] = [];
  const seen = new Set<string>();
  const institutions = opts.orgs.filter(
    (o) => o.verified && (o.type === 'UNIVERSITY' || o.type === 'INSTITUTE'),
  );
  for (let i = 0; i < opts.count; i++) {
    const serial = opts.serialBase + i;
    const sex = rng.chance(0.6) ? 'male' : 'female';
    const birthDate = `${rng.int(1962, 1998)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    let id = residentId(birthDate, sex, rng);
    while (seen.has(id)) id = residentId(birthDate, sex, rng);
    seen.add(id);
    const name = personName(rng);
    const userId = rng.uuid();
    const createdAt = new Date(opts.start + rng() * (opts.now - opts.start) * 0.7);
    const institution = institutions.length > 0 && rng.chance(0.6) ? rng.pick(institutions) : null;
    const { fieldCodes, subFieldCodes } = fieldsOf(rng);
    users.push([
      userId,
      'APPLICANT',
      `bench-openid-researcher-${serial}`,
      name,
      createdAt,
      createdAt,
    ]);
    const researcherId = rng.uuid();
    rows.push([
      researcherId,
      userId,
      name,
      hashResidentId(id, opts.piiHashKey),
      maskResidentId(id),
      birthDate,
      sex,
      mobile(rng),
      institution?.name ??
        rng.pick(['合肥工业大学', '安徽大学', '中国科学技术大学', '淮北师范大学']),
      institution?.creditCode ?? null,
      institution?.id ?? null,
      institution ? 'confirmed' : 'none',
      institution ? createdAt : null,
      rng.pick(RESEARCHER_TITLE_CODES),
      fieldCodes,
      subFieldCodes,
      `${rng.pick(['复合材料', '氢燃料电池', '无人机飞控', '作物育种', '机器视觉', '储能材料'])}方向的研究与工程化`,
      [rng.pick(AREA_CODES)],
      createdAt,
      createdAt,
    ]);
    out.push({ id: researcherId, userId, name });
  }
  await sink.insert('user', USER_COLUMNS, users);
  await sink.insert(
    'researcher',
    [
      ['id', 'uuid'],
      ['user_id', 'uuid'],
      ['name', 'text'],
      ['resident_id_hash', 'text'],
      ['resident_id_masked', 'text'],
      ['birth_date', 'date'],
      ['sex', 'text'],
      ['mobile', 'text'],
      ['institution_name', 'text'],
      ['institution_credit_code', 'text'],
      ['institution_org_id', 'uuid'],
      ['institution_link_status', 'text'],
      ['institution_link_decided_at', 'timestamptz'],
      ['title', 'text'],
      ['field_codes', 'text[]'],
      ['sub_field_codes', 'text[]'],
      ['expertise', 'text'],
      ['preferred_area_codes', 'text[]'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    rows,
  );
  return out;
}
