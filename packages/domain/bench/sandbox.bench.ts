/**
 * Throughput of the 政策沙盘: 100,000 applications of 2026 replayed under the version in force and
 * under a proposed amendment, each in order on the history its own replay built, compared (per
 * programme, per area, the 10 largest changes explained under both) and checksummed — what
 * `runSandbox` does, step by step, each step timed. Target: under 3 s on this 2-core machine,
 * checksum included (the domain's own SHA-256, `runSandbox`'s default). Its peer, timed in the same
 * run: the bare `decide()` loop over the same applications under both versions, with an empty
 * history — no ordering, no history, no comparison, no checksum. The ratio says what the sandbox
 * costs over deciding alone, whatever the load. The checksum is also timed with `node:crypto`'s
 * SHA-256, which the server passes.
 * A script, not a test: `pnpm bench:sandbox` (optionally `<count>`; `--quick`: 2,000 applications,
 * results checked, nothing timed). Median of 3 rounds.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { machineLine, median } from '../../../tooling/bench/src/machine';
import { mulberry32 } from '../../../tooling/bench/src/random';
import type {
  AreaCode,
  AwardApplicant,
  ByteHash,
  Fen,
  HistoricalApplication,
  PolicyAmendment,
  PolicySet,
  PriorAward,
  Replay,
  ReplayOutcomes,
} from '../src';
import {
  applyAmendment,
  compareOutcomes,
  compareReplays,
  decide,
  explainRow,
  fen,
  formatYuan,
  inForceThroughout,
  planReplay,
  replay,
  replayOrder,
  replayOutcomesSideBySide,
  runSandbox,
  sandboxChecksum,
  SUZHOU_FUTURE_2026_DRAFT,
  yuan,
} from '../src';

const QUICK = process.argv.includes('--quick');
const COUNT = QUICK
  ? 2_000
  : Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 100_000);
const ROUNDS = 3;
const TARGET_MS = 3_000;

const PERIOD = { from: '2026-01-01', to: '2026-12-31' } as const;
const CURRENT = SUZHOU_FUTURE_2026_DRAFT;
const AMENDMENT: PolicyAmendment = {
  baseId: CURRENT.id,
  id: 'suzhou-future-2027-bench',
  version: '2027.1-bench',
  title: '提高技术成果转化补助上限、增加典型案例名额、缩短申请期限',
  effectiveFrom: '2027-01-01',
  changes: {
    'rules.tech-transfer.formula.cap': '800000.00',
    'rules.scenario-case.yearlyQuota': 12,
    'rules.incubator.formula.tiers.city.amount': '200000.00',
    'settings.applicationWindowDays': 180,
  },
};
const PROPOSED = applyAmendment(CURRENT, AMENDMENT);
const BUDGETS: Readonly<Record<string, Fen>> = {
  'tech-transfer': yuan(200_000_000),
  'scenario-case': yuan(2_000_000),
};

// ---------------------------------------------------------------------------------------------
// A year of applications: owners apply again (contracts paid in instalments, platforms upgraded),
// scenario cases exceed the quota, some events fall outside the window or before coverage.
// ---------------------------------------------------------------------------------------------

let rnd = mulberry32(20260615);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const day = (offset: number) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
const AREAS: readonly AreaCode[] = [
  'yongqiao',
  'dangshan',
  'xiaoxian',
  'lingbi',
  'sixian',
  'sz-hitech',
];

function organisation(n: number, type: 'firm' | 'incubator' = 'firm'): AwardApplicant {
  return {
    kind: 'organisation',
    id: `${type}-${n}`,
    name: `宿州第${n}科技有限公司`,
    type,
    areaCode: AREAS[n % AREAS.length] as AreaCode,
    insideCity: n % 37 !== 0,
    qualifications: [],
  };
}

/** Rules in the proportions a year might bring them. */
const MIX = [
  ...Array<string>(5).fill('tech-transfer'),
  ...Array<string>(2).fill('scenario-case'),
  ...Array<string>(3).fill('high-tech-enterprise'),
  'rd-platform',
  'rd-platform',
  'incubator',
  'incubator',
  'innovation-contest',
  'innovation-contest',
  'talent-team',
  'key-project',
  'academician-workstation-city',
  'academician-workstation-provincial',
  'academician-centre-city',
];

type Made = { applicant: AwardApplicant; input: Record<string, unknown> };

function made(ruleId: string, i: number, owner: number, event: string): Made {
  const firm = organisation(owner);
  switch (ruleId) {
    case 'tech-transfer':
      return {
        applicant: firm,
        input: {
          // One contract per firm, paid in instalments through the year: the cap is shared.
          contractNo: `HT-${owner}`,
          resultName: `技术成果${i}`,
          sellerName: '外地大学',
          sellerLocation: rnd() > 0.05 ? 'outside-city' : 'inside-city',
          contractSignedOn: '2025-12-01',
          contractAmount: yuan(50_000_000),
          payments: Array.from({ length: int(1, 2) }, (_, k) => ({
            paidOn: event,
            amount: yuan(int(100_000, 8_000_000)),
            ...(rnd() > 0.05 ? { voucherNo: `HX${i}-${k}` } : {}),
          })),
          conversionProject: '在宿转化应用',
        },
      };
    case 'scenario-case':
      return {
        applicant: firm,
        input: {
          // One in fifty a case another firm applied for already: paid once, whoever applies.
          caseName: `应用场景案例${rnd() < 0.02 ? i - MIX.length : i}`,
          applicationDomain: pick([
            'industry',
            'city-management',
            'livelihood',
            'new-infrastructure',
          ]),
          selectedOn: event,
          selectionDocNo: `宿科〔2026〕${i % 300}号`,
          ...(rnd() < 0.05 ? { selectionYear: Number(event.slice(0, 4)) - 1 } : {}),
        },
      };
    case 'rd-platform':
      return {
        applicant: firm,
        input: {
          // One in ten the firm's platform again (a higher level, or a repeat).
          platformName: rnd() < 0.1 ? `研发平台${owner}` : `研发平台${i}`,
          platformKind: pick(['key-laboratory', 'tech-innovation-centre', 'enterprise-rd-centre']),
          level: rnd() < 0.3 ? 'national' : 'provincial',
          recognisedOn: event,
          recognitionDocNo: `皖科〔2026〕${i % 300}号`,
        },
      };
    case 'incubator':
      return {
        applicant: organisation(owner % 2_000, 'incubator'),
        input: {
          incubatorName: rnd() < 0.1 ? `孵化器${owner % 2_000}` : `孵化器${i}`,
          level: pick(['national', 'provincial', 'city', 'city']),
          recognisedOn: event,
          recognitionDocNo: '宿科〔2026〕9号',
        },
      };
    case 'high-tech-enterprise': {
      const first = rnd() > 0.4;
      return {
        applicant: firm,
        input: {
          recognitionType: first ? 'first' : 're',
          certificateNo: `GR${event.slice(0, 4)}${String(i).padStart(8, '0')}`,
          certifiedOn: event,
          ...(first ? {} : { previousCertificateNo: 'GR202334000001' }),
        },
      };
    }
    case 'innovation-contest':
      return {
        applicant:
          rnd() < 0.1
            ? { kind: 'researcher', id: `res-${i}`, name: '李明', insideCity: true }
            : firm,
        input: {
          projectName: `参赛项目${i}`,
          contestYear: Number(event.slice(0, 4)),
          prize: pick(['first', 'second', 'third']),
          awardedOn: event,
        },
      };
    case 'talent-team':
      return {
        applicant: firm,
        input: {
          teamName: `创新团队${i}`,
          leaderName: `带头人${i % 4000}`,
          category: pick(['A', 'B', 'C']),
          approvedOn: event,
          approvalDocNo: `宿人才〔2026〕${i % 100}号`,
        },
      };
    case 'key-project': {
      const tranche = int(1, 3);
      return {
        applicant: firm,
        input: {
          projectNumber: `SZKC-XM-2026-${String(owner % 1500).padStart(4, '0')}`,
          projectTitle: '关键技术攻关',
          contractSignedOn: '2025-12-15',
          trancheNo: tranche,
          condition: (['signing', 'mid-term', 'acceptance'] as const)[tranche - 1],
          conditionMetOn: event,
          trancheAmount: yuan(int(200_000, 2_500_000)),
        },
      };
    }
    case 'academician-centre-city':
      return {
        applicant: firm,
        input: {
          centreName: `创新中心${i}`,
          expertName: '赵院士',
          approvedOn: event,
          approvalDocNo: '宿科协〔2026〕1号',
        },
      };
    default:
      // The two workstation rules: one ladder (city, then provincial) per firm.
      return {
        applicant: firm,
        input: {
          workstationName: rnd() < 0.15 ? `院士工作站${owner}` : `院士工作站${i}`,
          ...(ruleId === 'academician-workstation-city'
            ? { expertName: '张院士', approvalDocNo: '宿科协〔2026〕2号' }
            : { academicianName: '张院士', approvalDocNo: '皖科协〔2026〕1号' }),
          approvedOn: event,
        },
      };
  }
}

function generate(count: number): HistoricalApplication[] {
  rnd = mulberry32(20260615);
  const evidence = new Map(CURRENT.rules.map((r) => [r.id, r.guide.evidence.map((e) => e.kind)]));
  const out: HistoricalApplication[] = [];
  for (let i = 0; i < count; i++) {
    const ruleId = MIX[i % MIX.length] as string;
    const applied = int(0, 364);
    // Events up to 250 days back (some past a 180-day window); 3% in December 2025, before the
    // policy covers anything. Inputs are valid, as submitted applications' inputs were.
    const event = day(rnd() < 0.03 ? -int(1, 31) : applied - int(0, Math.min(applied, 250)));
    const { applicant, input } = made(ruleId, i, int(0, 19_999), event);
    out.push({
      ruleId,
      areaCode: applicant.kind === 'organisation' ? applicant.areaCode : null,
      application: {
        id: `A-${i}`,
        appliedOn: day(applied),
        applicant,
        input,
        evidence: (evidence.get(ruleId) ?? []).filter(() => rnd() > 0.02),
      },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ours, the peer, the checks
// ---------------------------------------------------------------------------------------------

interface Parts {
  plan: number;
  replay: number;
  compare: number;
  checksum: number;
}

const total = (p: Parts) => p.plan + p.replay + p.compare + p.checksum;

/** What `runSandbox` does, step by step, each step timed; the checksum with `hash` if given. */
function sandbox(apps: readonly HistoricalApplication[], hash?: ByteHash) {
  const parts: Parts = { plan: 0, replay: 0, compare: 0, checksum: 0 };
  let t = performance.now();
  const plan = planReplay(apps, PERIOD);
  parts.plan = performance.now() - t;
  t = performance.now();
  const [base, proposed] = replayOutcomesSideBySide(plan, [CURRENT, PROPOSED]) as [
    ReplayOutcomes,
    ReplayOutcomes,
  ];
  parts.replay = performance.now() - t;
  t = performance.now();
  const comparison = compareOutcomes(base, proposed, { budgetsFen: BUDGETS, largest: 10 });
  parts.compare = performance.now() - t;
  t = performance.now();
  const sum = checksum(apps, base, proposed, hash);
  parts.checksum = performance.now() - t;
  return { base, proposed, comparison, checksum: sum, parts };
}

/** `node:crypto`'s SHA-256, as the server passes it to `runSandbox`; `bytes` counts its input. */
const nodeHash = (): ByteHash & { bytes: number } => {
  const h = createHash('sha256');
  return {
    bytes: 0,
    update(bytes) {
      this.bytes += bytes.length;
      h.update(bytes);
    },
    hex: () => h.digest('hex'),
  };
};

function checksum(
  apps: readonly HistoricalApplication[],
  base: ReplayOutcomes,
  proposed: ReplayOutcomes,
  hash?: ByteHash,
): string {
  return sandboxChecksum(
    {
      applications: apps,
      period: PERIOD,
      currentId: CURRENT.id,
      proposedId: PROPOSED.id,
      amendment: AMENDMENT,
      budgetsFen: BUDGETS,
      outcomes: { base, proposed },
    },
    hash,
  );
}

/** The peer: every application decided once per version, on no history, in the order given. */
function bareDecide(apps: readonly HistoricalApplication[]): { eligible: number; total: bigint } {
  let eligible = 0;
  let total = 0n;
  for (const set of [inForceThroughout(CURRENT, PERIOD), inForceThroughout(PROPOSED, PERIOD)]) {
    for (const a of apps) {
      const d = decide(set, a.ruleId, a.application);
      if (d.eligible) eligible++;
      total += d.amount;
    }
  }
  return { eligible, total };
}

const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

/** The history the API would read, built the slow way from every earlier award (for --quick). */
function slowDecisions(apps: readonly HistoricalApplication[], policy: PolicySet) {
  const set = inForceThroughout(policy, PERIOD);
  const awarded: { owner: string; award: PriorAward }[] = [];
  return replayOrder(apps, PERIOD).map((a) => {
    const owner = `${a.application.applicant.kind}:${a.application.applicant.id}`;
    const first = decide(set, a.ruleId, a.application);
    const year = first.quotaYear ?? Number(a.application.appliedOn.slice(0, 4));
    const history = {
      priorAwards: awarded
        .filter(
          (p) => p.owner === owner || p.award.onceKeys.some((k) => first.onceKeys.includes(k)),
        )
        .map((p) => p.award),
      approvedThisYear: awarded.filter((p) => p.award.ruleId === a.ruleId && p.award.year === year)
        .length,
    };
    const d = decide(set, a.ruleId, a.application, history);
    if (d.eligible) {
      awarded.push({
        owner,
        award: {
          ruleId: a.ruleId,
          applicationId: a.application.id,
          onceKeys: d.onceKeys,
          ...(d.itemKey !== undefined ? { itemKey: d.itemKey } : {}),
          amount: d.amount,
          year,
        },
      });
    }
    return d;
  });
}

const json = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}` : x));

function wrongResults(apps: readonly HistoricalApplication[]): string[] {
  const wrong: string[] = [];
  const run = sandbox(apps);
  if (checksum(apps, run.base, run.proposed, nodeHash()) !== run.checksum) {
    wrong.push('the domain’s SHA-256 and node:crypto differ');
  }
  const again = runSandbox({
    applications: apps,
    period: PERIOD,
    current: CURRENT,
    proposed: PROPOSED,
    amendment: AMENDMENT,
    budgetsFen: BUDGETS,
  });
  if (json({ checksum: run.checksum, ...run.comparison }) !== json(again)) {
    wrong.push('runSandbox and its steps timed here differ');
  }
  // The public way, a replay with every row's decision and history, must compare the same.
  const full: [string, Replay, ReplayOutcomes, PolicySet][] = [
    ['current', replay(apps, CURRENT, PERIOD), run.base, CURRENT],
    ['proposed', replay(apps, PROPOSED, PERIOD), run.proposed, PROPOSED],
  ];
  const [[, fullBase], [, fullProposed]] = full as [(typeof full)[0], (typeof full)[0]];
  const publicWay = compareReplays(fullBase, fullProposed, { budgetsFen: BUDGETS, largest: 10 });
  if (json(publicWay) !== json(run.comparison)) {
    wrong.push('compareReplays of full replays and runSandbox differ');
  }
  for (const [name, replayed, lean, policy] of full) {
    const slow = slowDecisions(apps, policy);
    replayed.rows.forEach((row, i) => {
      if (json(row.decision) !== json(slow[i])) {
        wrong.push(`${name} ${row.applicationId}: the replay's history is not the API's`);
      }
      const expected = slow[i];
      if (
        lean.sources[i] !== row.source ||
        (lean.eligible[i] === 1) !== expected?.eligible ||
        lean.amounts[i] !== expected.amount
      ) {
        wrong.push(`${name} ${row.applicationId}: runSandbox's outcome is not the API's decision`);
      }
      const { explanation: _text, ...explained } = explainRow(replayed, row);
      if (json(explained) !== json(row.decision)) {
        wrong.push(`${name} ${row.applicationId}: evaluate on the row's history decides otherwise`);
      }
    });
  }
  const c = run.comparison;
  const added = (rows: readonly { proposedFen: bigint; applications: number }[]) =>
    json([
      rows.reduce((s, r) => s + r.proposedFen, 0n),
      rows.reduce((s, r) => s + r.applications, 0),
    ]);
  const whole = json([c.totals.proposedFen, c.totals.applications]);
  if (added(c.byProgramme) !== whole) wrong.push('the programmes do not add up to the total');
  if (added(c.byArea) !== whole) wrong.push('the areas do not add up to the total');
  if (c.totals.becameEligible === 0 || c.totals.becameIneligible === 0) {
    wrong.push('the amendment should change eligibility both ways');
  }
  return wrong;
}

// ---------------------------------------------------------------------------------------------

const apps = generate(COUNT);

function summaryLines(c: ReturnType<typeof sandbox>['comparison'], sum: string): string[] {
  const t = c.totals;
  return [
    `current ${formatYuan(t.baseFen)} to ${t.eligibleBase.toLocaleString('en-US')} eligible; proposed ${formatYuan(t.proposedFen)} to ${t.eligibleProposed.toLocaleString('en-US')}; delta ${formatYuan(t.deltaFen)}`,
    `became eligible ${t.becameEligible.toLocaleString('en-US')}, ineligible ${t.becameIneligible.toLocaleString('en-US')}, amount changed ${t.amountChanged.toLocaleString('en-US')}; largest change ${formatYuan(c.largestChanges[0]?.deltaFen ?? fen(0))} (${c.largestChanges[0]?.applicationId ?? '—'}); checksum ${sum.slice(0, 16)}…`,
  ];
}

if (QUICK) {
  const { comparison, checksum: sum } = sandbox(apps);
  const wrong = wrongResults(apps);
  process.stdout.write(
    [
      `policy sandbox ${CURRENT.id} → ${PROPOSED.id}, ${COUNT.toLocaleString('en-US')} applications (--quick: checked, not timed)`,
      ...summaryLines(comparison, sum),
      ...wrong.slice(0, 10).map((w) => `WRONG ${w}`),
      wrong.length === 0 ? 'bench:sandbox --quick: results checked' : `${wrong.length} wrong`,
      '',
    ].join('\n'),
  );
  if (wrong.length > 0) process.exitCode = 1;
} else {
  // Warm up the JIT on a slice of each, then time full rounds.
  const slice = apps.slice(0, 2_000);
  const warm = sandbox(slice);
  bareDecide(slice);
  checksum(slice, warm.base, warm.proposed, nodeHash());

  const oursMs: number[] = [];
  const withoutChecksumMs: number[] = [];
  const serverMs: number[] = [];
  const peerMs: number[] = [];
  const oursCpu: number[] = [];
  const peerCpu: number[] = [];
  const ownHashMs: number[] = [];
  const nodeHashMs: number[] = [];
  let last = warm;
  let peerResult = bareDecide([]);
  let hashedBytes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    let c = process.cpuUsage();
    peerResult = bareDecide(apps);
    peerMs.push(performance.now() - t);
    peerCpu.push(cpuMs(c));
    t = performance.now();
    c = process.cpuUsage();
    last = sandbox(apps);
    oursMs.push(performance.now() - t);
    oursCpu.push(cpuMs(c));
    withoutChecksumMs.push(total(last.parts) - last.parts.checksum);
    ownHashMs.push(last.parts.checksum);
    // The same checksum as the server computes it, on this round's outcomes.
    const node = nodeHash();
    t = performance.now();
    checksum(apps, last.base, last.proposed, node);
    nodeHashMs.push(performance.now() - t);
    serverMs.push(total(last.parts) - last.parts.checksum + (nodeHashMs.at(-1) as number));
    hashedBytes = node.bytes;
  }
  const ours = median(oursMs);
  const peer = median(peerMs);
  const bare = median(withoutChecksumMs);
  const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(' / ');
  const p = last.parts;
  process.stdout.write(
    [
      `policy sandbox ${CURRENT.id} → ${PROPOSED.id}, ${COUNT.toLocaleString('en-US')} applications of ${PERIOD.from}…${PERIOD.to}, 2 versions, median of ${ROUNDS}`,
      `ours  runSandbox (replay ×2 + compare + checksum): ${ours.toFixed(0)} ms (${list(oursMs)}), ${((ours * 1000) / (2 * COUNT)).toFixed(1)} µs per application per version`,
      `      last round: plan ${p.plan.toFixed(0)}, replay ×2 side by side ${p.replay.toFixed(0)}, compare ${p.compare.toFixed(0)}, checksum ${p.checksum.toFixed(0)} (ms)`,
      `peer  bare decide() ×2, no history: ${peer.toFixed(0)} ms (${list(peerMs)}), ${peerResult.eligible.toLocaleString('en-US')} eligible`,
      `ratio ours / peer: ${(ours / peer).toFixed(2)} (wall); CPU time ours ${median(oursCpu).toFixed(0)} ms, peer ${median(peerCpu).toFixed(0)} ms, ratio ${(median(oursCpu) / median(peerCpu)).toFixed(2)}`,
      `      without the checksum (plan, replay ×2, compare): ${bare.toFixed(0)} ms (${list(withoutChecksumMs)}), ratio ${(bare / peer).toFixed(2)}`,
      `checksum of inputs and outcomes (${(hashedBytes / 1e6).toFixed(1)} MB of canonical bytes): domain SHA-256 ${median(ownHashMs).toFixed(0)} ms (${list(ownHashMs)}), node:crypto ${median(nodeHashMs).toFixed(0)} ms (${list(nodeHashMs)}); runSandbox with the server's checksum ${median(serverMs).toFixed(0)} ms`,
      `target: under ${TARGET_MS.toLocaleString('en-US')} ms for 100,000: ${COUNT === 100_000 ? `replay ×2 + compare ${bare < TARGET_MS ? 'met' : 'NOT MET'}; runSandbox with the server's checksum ${median(serverMs) < TARGET_MS ? 'met' : 'NOT MET'}; with the domain's ${ours < TARGET_MS ? 'met' : 'NOT MET'}` : 'n/a (another count)'}`,
      ...summaryLines(last.comparison, last.checksum),
      machineLine(),
      '',
    ].join('\n'),
  );
}
