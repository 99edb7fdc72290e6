/**
 * Throughput of the award engine: 100,000 generated applications across all rules, each evaluated
 * with its full explanation. A script, not a test: `pnpm bench:policy` (optionally `-- <count>`).
 */
import type { AwardApplicant, AwardApplication, AwardHistory, PriorAward } from '../src';
import { evaluate, fen, formatYuan, policySetFor, yuan } from '../src';

const COUNT = Number(process.argv[2] ?? 100_000);

/** mulberry32: a small seeded generator, so every run evaluates the same applications. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const rnd = random(20260101);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const day = (offset: number) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);

function applicant(i: number): AwardApplicant {
  return {
    kind: 'organisation',
    id: `org-${i % 5000}`,
    name: `宿州第${i % 5000}科技有限公司`,
    type: pick(['firm', 'firm', 'firm', 'university', 'institute', 'incubator'] as const),
    areaCode: pick(['yongqiao', 'dangshan', 'xiaoxian', 'lingbi', 'sixian', 'sz-hitech'] as const),
    insideCity: rnd() > 0.05,
    qualifications: [],
  };
}

const generators: Record<string, (i: number) => Record<string, unknown>> = {
  'scenario-case': (i) => ({
    caseName: `应用场景案例${i}`,
    applicationDomain: pick(['industry', 'city-management', 'livelihood', 'new-infrastructure']),
    selectedOn: day(int(0, 200)),
    selectionDocNo: `宿科〔2026〕${i % 300}号`,
  }),
  'rd-platform': (i) => ({
    platformName: `研发平台${i % 3000}`,
    platformKind: pick(['key-laboratory', 'tech-innovation-centre', 'enterprise-rd-centre']),
    level: pick(['national', 'provincial']),
    recognisedOn: day(int(0, 200)),
    recognitionDocNo: `皖科〔2026〕${i % 300}号`,
  }),
  'talent-team': (i) => ({
    teamName: `创新团队${i}`,
    leaderName: `带头人${i}`,
    category: pick(['A', 'B', 'C']),
    approvedOn: day(int(0, 200)),
    approvalDocNo: `宿人才〔2026〕${i % 100}号`,
  }),
  'academician-workstation-provincial': (i) => ({
    workstationName: `院士工作站${i % 2000}`,
    academicianName: '张院士',
    approvedOn: day(int(0, 200)),
    approvalDocNo: '皖科协〔2026〕1号',
  }),
  'academician-centre-city': (i) => ({
    centreName: `创新中心${i}`,
    expertName: '赵院士',
    approvedOn: day(int(0, 200)),
    approvalDocNo: '宿科协〔2026〕1号',
  }),
  'academician-workstation-city': (i) => ({
    workstationName: `院士工作站${i % 2000}`,
    expertName: '张院士',
    approvedOn: day(int(0, 200)),
    approvalDocNo: '宿科协〔2026〕2号',
  }),
  'tech-transfer': (i) => ({
    contractNo: `HT-${i % 4000}`,
    resultName: `技术成果${i}`,
    sellerName: '外地大学',
    sellerLocation: rnd() > 0.1 ? 'outside-city' : 'inside-city',
    contractSignedOn: '2026-01-05',
    contractAmount: yuan(int(1_000_000, 20_000_000)),
    payments: Array.from({ length: int(1, 3) }, (_, k) => ({
      paidOn: day(int(10, 200)),
      amount: fen(int(1, 200_000_000)),
      ...(rnd() > 0.1 ? { voucherNo: `HX${i}-${k}` } : {}),
    })),
    conversionProject: '在宿转化应用',
  }),
  incubator: (i) => ({
    incubatorName: `孵化器${i % 1000}`,
    level: pick(['national', 'provincial', 'city']),
    recognisedOn: day(int(0, 200)),
    recognitionDocNo: '宿科〔2026〕9号',
  }),
  'high-tech-enterprise': () => {
    const first = rnd() > 0.5;
    return {
      recognitionType: first ? 'first' : 're',
      certificateNo: `GR202634${String(int(0, 999_999)).padStart(6, '0')}`,
      certifiedOn: day(int(0, 200)),
      ...(first ? {} : { previousCertificateNo: 'GR202334000001' }),
    };
  },
  'innovation-contest': (i) => ({
    projectName: `参赛项目${i}`,
    contestYear: 2026,
    prize: pick(['first', 'second', 'third']),
    awardedOn: day(int(0, 200)),
  }),
};

const set = policySetFor('2026-09-01');
if (!set) throw new Error('no policy in force');
const ruleIds = set.rules.map((r) => r.id);

// Generate first, so the timing measures evaluation only.
const cases: { ruleId: string; application: AwardApplication; history: AwardHistory }[] = [];
for (let i = 0; i < COUNT; i++) {
  const ruleId = ruleIds[i % ruleIds.length] as string;
  const rule = set.rules[i % ruleIds.length];
  const who = applicant(i);
  const priors: PriorAward[] = Array.from({ length: int(0, 3) }, (_, k) => ({
    ruleId,
    applicationId: `P-${i}-${k}`,
    onceKeys: [],
    itemKey: ruleId === 'tech-transfer' ? `tech-transfer:${who.id}:ht${i % 4000}` : `x:${k}`,
    amount: yuan(int(0, 300_000)),
    year: 2026,
  }));
  cases.push({
    ruleId,
    application: {
      appliedOn: day(int(200, 300)),
      applicant: who,
      input: generators[ruleId]?.(i) ?? {},
      evidence: (rule?.guide.evidence ?? []).filter(() => rnd() > 0.03).map((e) => e.kind),
    },
    history: { priorAwards: priors, approvedThisYear: int(0, 11) },
  });
}

// Warm up the JIT on a slice, then time the full run.
for (const c of cases.slice(0, 2000)) evaluate(set, c.ruleId, c.application, c.history);

let eligible = 0;
let total = 0n;
let explanationLines = 0;
const start = process.hrtime.bigint();
for (const c of cases) {
  const e = evaluate(set, c.ruleId, c.application, c.history);
  if (e.eligible) eligible++;
  total += e.amount;
  explanationLines += e.explanation.steps.length + e.explanation.inputs.length;
}
const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;

const perSecond = Math.round((COUNT / elapsedMs) * 1000);
process.stdout.write(
  [
    `policy set ${set.id}, ${ruleIds.length} rules`,
    `evaluated ${COUNT.toLocaleString('en-US')} applications with explanations in ${elapsedMs.toFixed(0)} ms`,
    `throughput ${perSecond.toLocaleString('en-US')} evaluations/s (${((elapsedMs * 1000) / COUNT).toFixed(1)} µs each)`,
    `eligible ${eligible.toLocaleString('en-US')}, total awarded ${formatYuan(total)}, explanation rows ${explanationLines.toLocaleString('en-US')}`,
    '',
  ].join('\n'),
);
