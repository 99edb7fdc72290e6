/**
 * Rule inputs as an applicant fills them, one generator per rule of the policy set. The event
 * date (recognition, award, payment) is drawn inside the window the policy covers, so the engine
 * accepts most of them; the rest it refuses the way it would refuse a real one. Subjects carry
 * the application's serial: the same platform or case is rarely applied for twice.
 */
import { fen } from '@kc/domain';
import type { Rng } from './random';

export interface InputContext {
  serial: number;
  /** a day the event (recognition, award, payment) may fall on, YYYY-MM-DD */
  eventDay: () => string;
  /** the year of application, for document numbers */
  year: number;
}

type InputGenerator = (rng: Rng, c: InputContext) => Record<string, unknown>;

const docNo = (rng: Rng, issuer: string, year: number) =>
  `${issuer}〔${year}〕${rng.int(1, 300)}号`;

export const INPUT_GENERATORS: Record<string, InputGenerator> = {
  'scenario-case': (rng, c) => ({
    caseName: `${rng.pick(['智慧园区', '低空物流', '数字乡村', '智能工厂', '氢能公交'])}应用场景${c.serial}`,
    applicationDomain: rng.pick([
      'industry',
      'city-management',
      'livelihood',
      'new-infrastructure',
    ]),
    selectedOn: c.eventDay(),
    selectionDocNo: docNo(rng, '宿科', c.year),
  }),
  'rd-platform': (rng, c) => ({
    platformName: `${rng.pick(['新能源', '先进材料', '智能制造', '生物医药'])}研发平台${c.serial}`,
    platformKind: rng.pick(['key-laboratory', 'tech-innovation-centre', 'enterprise-rd-centre']),
    level: rng.weighted([
      ['national', 1],
      ['provincial', 6],
    ] as const),
    recognisedOn: c.eventDay(),
    recognitionDocNo: docNo(rng, '皖科', c.year),
  }),
  'talent-team': (rng, c) => ({
    teamName: `创新团队${c.serial}`,
    leaderName: `带头人${c.serial % 997}`,
    category: rng.weighted([
      ['A', 1],
      ['B', 3],
      ['C', 6],
    ] as const),
    approvedOn: c.eventDay(),
    approvalDocNo: docNo(rng, '宿人才', c.year),
  }),
  'academician-workstation-provincial': (rng, c) => ({
    workstationName: `院士工作站${c.serial}`,
    academicianName: `院士${c.serial % 331}`,
    approvedOn: c.eventDay(),
    approvalDocNo: docNo(rng, '皖科协', c.year),
  }),
  'academician-centre-city': (rng, c) => ({
    centreName: `院士创新中心${c.serial}`,
    expertName: `院士${c.serial % 331}`,
    approvedOn: c.eventDay(),
    approvalDocNo: docNo(rng, '宿科协', c.year),
  }),
  'academician-workstation-city': (rng, c) => ({
    workstationName: `市级院士工作站${c.serial}`,
    expertName: `院士${c.serial % 331}`,
    approvedOn: c.eventDay(),
    approvalDocNo: docNo(rng, '宿科协', c.year),
  }),
  'tech-transfer': (rng, c) => {
    const paid = [c.eventDay()];
    if (rng.chance(0.4)) paid.push(c.eventDay());
    paid.sort();
    const payments = paid.map((paidOn, k) => ({
      paidOn,
      amount: fen(rng.int(10_000_000, 300_000_000)),
      voucherNo: `HX${c.serial}-${k}`,
    }));
    // The contract covers at least what was paid on it (the schema refuses more).
    const paidTotal = payments.reduce((sum, p) => sum + p.amount, 0n);
    return {
      contractNo: `JSHT-${c.year}-${c.serial}`,
      resultName: `技术成果${c.serial}`,
      sellerName: rng.pick(['合肥工业大学', '中国科学技术大学', '南京理工大学', '江南大学']),
      sellerLocation: 'outside-city',
      contractSignedOn: paid[0],
      contractAmount: fen(paidTotal + BigInt(rng.int(0, 500_000_000))),
      payments,
      conversionProject: '成果在宿州本地企业转化应用，已形成样机并小批量试产',
    };
  },
  incubator: (rng, c) => ({
    incubatorName: `科技企业孵化器${c.serial}`,
    level: rng.weighted([
      ['national', 1],
      ['provincial', 3],
      ['city', 6],
    ] as const),
    recognisedOn: c.eventDay(),
    recognitionDocNo: docNo(rng, '宿科', c.year),
  }),
  'high-tech-enterprise': (rng, c) => {
    const first = rng.chance(0.6);
    const certifiedOn = c.eventDay();
    // The certificate number carries the year it was issued (the schema checks it).
    const year = Number(certifiedOn.slice(0, 4));
    return {
      recognitionType: first ? 'first' : 're',
      certificateNo: `GR${year}34${String(c.serial % 1_000_000).padStart(6, '0')}`,
      certifiedOn,
      ...(first
        ? {}
        : {
            previousCertificateNo: `GR${year - 3}34${String(rng.int(0, 999_999)).padStart(6, '0')}`,
          }),
    };
  },
  'innovation-contest': (rng, c) => {
    const awardedOn = c.eventDay();
    return {
      projectName: `参赛项目${c.serial}`,
      contestYear: Number(awardedOn.slice(0, 4)),
      prize: rng.weighted([
        ['first', 1],
        ['second', 2],
        ['third', 4],
      ] as const),
      awardedOn,
    };
  },
};
