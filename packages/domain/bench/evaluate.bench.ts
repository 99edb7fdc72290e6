/**
 * Throughput of the award engine: 100,000 generated applications across all rules, each evaluated
 * with its full explanation, every line of which is read as a string (as the API's response does).
 * Its peer, timed in the same run, is a loop that only builds the same 100,000 applications: the
 * ratio says what evaluating costs over merely making the objects, whatever the machine's load.
 * A script, not a test: `pnpm bench:policy` (optionally `<count>`; `--quick`: 2,000 and the results checked). Median of 3 rounds.
 */
import { performance } from 'node:perf_hooks';
import { machineLine, median } from '../../../tooling/bench/src/machine';
import type {
  AwardApplicant,
  AwardApplication,
  AwardHistory,
  Evaluation,
  PriorAward,
} from '../src';
import { decide, evaluate, fen, formatYuan, policySetFor, yuan } from '../src';
import { mulberry32 } from '../../../tooling/bench/src/random';

// --quick (CI): 2,000 applications, and the results are checked (never the time).
const QUICK = process.argv.includes('--quick');
const COUNT = QUICK
  ? 2_000
  : Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 100_000);
const ROUNDS = 3;

let rnd = mulberry32(20260101);
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

const found = policySetFor('2026-09-01');
if (!found) throw new Error('no policy in force');
const set = found;
const ruleIds = set.rules.map((r) => r.id);

interface Case {
  ruleId: string;
  application: AwardApplication;
  history: AwardHistory;
}

/** The peer: builds the applications and nothing else (reseeded, so every round builds the same). */
function buildCases(): Case[] {
  rnd = mulberry32(20260101);
  const cases: Case[] = [];
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
  return cases;
}

/** Every string an explanation shows, read, so lazily made text is counted in the time. */
function explanationLength(e: Evaluation): number {
  const x = e.explanation;
  let n = x.summary.length + x.formula.length + (x.quota?.length ?? 0) + (x.budget?.length ?? 0);
  for (const row of x.inputs) n += row.label.length + row.value.length;
  for (const step of x.steps) n += step.length;
  for (const cap of x.capsApplied) n += cap.length;
  for (const s of x.settings) n += s.value.length;
  for (const r of e.refusals) n += r.message.length;
  return n;
}

function evaluateAll(cases: readonly Case[]) {
  let eligible = 0;
  let total = 0n;
  let rows = 0;
  let chars = 0;
  for (const c of cases) {
    const e = evaluate(set, c.ruleId, c.application, c.history);
    if (e.eligible) eligible++;
    total += e.amount;
    rows += e.explanation.steps.length + e.explanation.inputs.length;
    chars += explanationLength(e);
  }
  return { eligible, total, rows, chars };
}

// Warm up the JIT on a slice of both loops, then time full rounds.
evaluateAll(buildCases().slice(0, 2000));

/** CPU milliseconds of this process since `from`: less swayed than wall time by a busy machine. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

const oursMs: number[] = [];
const peerMs: number[] = [];
const oursCpu: number[] = [];
const peerCpu: number[] = [];
let summary = evaluateAll([]);
for (let round = 0; round < ROUNDS; round++) {
  let t = performance.now();
  let c = process.cpuUsage();
  const cases = buildCases();
  peerMs.push(performance.now() - t);
  peerCpu.push(cpuMs(c));
  t = performance.now();
  c = process.cpuUsage();
  summary = evaluateAll(cases);
  oursMs.push(performance.now() - t);
  oursCpu.push(cpuMs(c));
}

/**
 * What --quick checks: every round decided the same, and the decision without explanations
 * (`decide`, the API's first pass) is the one `evaluate` explains, on every case.
 */
function wrongResults(): string[] {
  const wrong: string[] = [];
  const again = evaluateAll(buildCases());
  if (
    JSON.stringify(again, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)) !==
    JSON.stringify(summary, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v))
  )
    wrong.push('a second round decided differently');
  for (const [i, c] of buildCases().entries()) {
    const { explanation: _explained, ...explained } = evaluate(
      set,
      c.ruleId,
      c.application,
      c.history,
    );
    const decided = decide(set, c.ruleId, c.application, c.history);
    if (
      JSON.stringify(decided, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)) !==
      JSON.stringify(explained, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v))
    )
      wrong.push(`case ${i} (${c.ruleId}): decide() and evaluate() disagree`);
  }
  return wrong;
}

const ours = median(oursMs);
const peer = median(peerMs);
const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(' / ');
process.stdout.write(
  [
    `policy set ${set.id}, ${ruleIds.length} rules, ${COUNT.toLocaleString('en-US')} applications, median of ${ROUNDS}`,
    `ours  evaluate with full explanations: ${ours.toFixed(0)} ms (${list(oursMs)}), ${((ours * 1000) / COUNT).toFixed(1)} µs each`,
    `peer  build the applications only:     ${peer.toFixed(0)} ms (${list(peerMs)})`,
    `ratio ours / peer: ${(ours / peer).toFixed(2)} (wall); CPU time ours ${median(oursCpu).toFixed(0)} ms, peer ${median(peerCpu).toFixed(0)} ms, ratio ${(median(oursCpu) / median(peerCpu)).toFixed(2)}`,
    `eligible ${summary.eligible.toLocaleString('en-US')}, total awarded ${formatYuan(summary.total)}, explanation rows ${summary.rows.toLocaleString('en-US')}, characters ${summary.chars.toLocaleString('en-US')}`,
    machineLine(),
    '',
  ].join('\n'),
);

if (QUICK) {
  const wrong = wrongResults();
  for (const line of wrong.slice(0, 10)) process.stdout.write(`WRONG ${line}\n`);
  process.stdout.write(
    wrong.length === 0 ? 'bench:policy --quick: results checked\n' : `${wrong.length} wrong\n`,
  );
  if (wrong.length > 0) process.exitCode = 1;
}
