import type { Db } from '@kc/db';
import { selectionSettingsFor, todayInShanghai } from '@kc/domain';
import type { ApiConfig } from '../config';
import { DEFAULT_API_CONFIG } from '../config';
import type { FileStore } from '../files/store';
import type { Logger } from '../logger';
import { silentLogger } from '../logger';
import { DemoActors } from './actors';
import type { Demo } from './calls';
import { DemoClock, Script } from './clock';
import { expertReviewSteps } from './expert-review';
import { keyProjectSteps } from './key-projects';
import type { Needs } from './needs';
import { needSteps } from './needs';
import { openCallSteps } from './open-call';
import type { Firms } from './organisations';
import { NEW_FIRMS, organisationSteps } from './organisations';
import { scenarioCaseSteps } from './scenario-cases';
import { talentTeamSteps } from './talent-teams';
import { techTransferSteps } from './tech-transfer';
import { policySetOn } from '../policy/catalogue';

/**
 * The selection demo (issue 14): every stage of 需求榜, 申报指南, 专家评审 and 项目管理, made
 * through the API itself — the procedures the admin and the mini-program call, with their checks,
 * audit records, numbers, notifications, official lists and project tranches — by the demo's
 * officers, firms, researchers and experts, on dates relative to today (Asia/Shanghai): what is
 * open is really open, what concluded did so months ago.
 *
 * | stage | what                                                                         |
 * | ----- | ---------------------------------------------------------------------------- |
 * | 1     | 需求榜: published needs (with 揭榜), one returned, one waiting for 埇桥区      |
 * | 2     | a scenario-case call 申报中: a draft, one submission per formal-check step     |
 * | 3     | the 揭榜挂帅 call concluded: a project signed (tranches 1–2 raised, 延期 asked) |
 * |       | one at acceptance (验收专家组 part-way) and one 待签订任务书                   |
 * | 4     | the talent-team call in 公示, teams in categories A, B and C                  |
 * | 5     | the disruptive-technology call in 专家评审, its panel half-way                 |
 * | 6     | the first scenario-case call concluded: 免申即享 invitations                    |
 * | 7     | three 四.8 technology-transfer applications waiting for review (政策沙盘)      |
 *
 * Needs seedDemo's officers, organisations, researchers and expert pool. Runs once: a database
 * where the demo's first new firm (its marker) exists is left alone, whatever else it holds.
 */

export interface SelectionDemoDeps {
  db: Db;
  /** The moment of seeding (the server's clock): the demo's dates are relative to its day. */
  now: Date;
  /** The store the server's file routes write to: attachments and result lists go there. */
  fileStore: FileStore;
  config?: ApiConfig;
  log?: Logger;
}

export interface SelectionDemoResult {
  seeded: boolean;
  /** why nothing was seeded */
  skipped?: 'already-seeded' | 'no-demo-officers' | 'before-policy';
  /** dated steps played */
  steps: number;
  ms: number;
}

/** Days (from today) on which the demo's calls were published: the 年度 is the year of most. */
const CALL_DAYS = [-245, -165, -62, -52, -8];

export async function seedSelectionDemo(deps: SelectionDemoDeps): Promise<SelectionDemoResult> {
  const started = performance.now();
  const log = deps.log ?? silentLogger;
  const done = (skipped: SelectionDemoResult['skipped']): SelectionDemoResult => ({
    seeded: false,
    skipped,
    steps: 0,
    ms: Math.round(performance.now() - started),
  });
  const prisma = deps.db.prisma;
  if (await prisma.user.findUnique({ where: { openid: NEW_FIRMS.yongqiao.openid } }))
    return done('already-seeded');
  if (!(await prisma.user.findUnique({ where: { username: 'admin' } })))
    return done('no-demo-officers');

  const clock = new DemoClock(todayInShanghai(deps.now), deps.now);
  const demo: Demo = {
    clock,
    year: yearOfMost(CALL_DAYS.map((d) => clock.day(d))),
    actors: new DemoActors({
      db: deps.db,
      fileStore: deps.fileStore,
      config: deps.config ?? DEFAULT_API_CONFIG,
      log,
      clock,
    }),
  };
  const script = new Script();
  const firms: Partial<Firms> = {};
  const needs: Needs = {};
  organisationSteps(demo, script, firms);
  needSteps(demo, script, firms, needs);
  keyProjectSteps(demo, script, firms, needs);
  scenarioCaseSteps(demo, script, firms);
  talentTeamSteps(demo, script, firms);
  expertReviewSteps(demo, script, firms);
  openCallSteps(demo, script);
  techTransferSteps(demo, script, firms);

  // The selection settings and the policy must be in force on the demo's first day.
  const first = clock.day(script.firstDay);
  if (!policySetOn(first) || !inForce(first)) {
    log.warn({ first }, 'selection demo skipped: its first day is before the policy in force');
    return done('before-policy');
  }

  await script.play(clock);
  const ms = Math.round(performance.now() - started);
  log.info({ steps: script.size, ms }, 'selection demo seeded');
  return { seeded: true, steps: script.size, ms };
}

function inForce(day: string): boolean {
  try {
    selectionSettingsFor(day);
    return true;
  } catch {
    return false;
  }
}

function yearOfMost(days: readonly string[]): number {
  const counts = new Map<number, number>();
  for (const d of days)
    counts.set(Number(d.slice(0, 4)), (counts.get(Number(d.slice(0, 4))) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [year, count] of counts)
    if (count > bestCount || (count === bestCount && year > best))
      [best, bestCount] = [year, count];
  return best;
}
