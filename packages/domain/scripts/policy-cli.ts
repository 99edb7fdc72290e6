/**
 * Developer CLI for the award rules (run from the repository root):
 *
 *   pnpm policy list [--version <id|version>]
 *   pnpm policy evaluate <file.json> [--version <id|version>] [--json]
 *
 * The file is `{ ruleId, appliedOn, applicationId?, applicant, input, evidence, history? }` with
 * money written as strings of YUAN ("4999990.00"); see packages/domain/examples/. All logic lives
 * in src/policy/report.ts; this file only reads arguments and files and prints.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  evaluate,
  evaluationToJson,
  findPolicySet,
  formatEvaluation,
  formatRuleList,
  parseEvaluationRequest,
  POLICY_SETS,
  policySetFor,
} from '../src/policy';

const USAGE = `用法：
  pnpm policy list [--version <版本>]
  pnpm policy evaluate <申请.json> [--version <版本>] [--json]
可用版本：${POLICY_SETS.map((s) => `${s.id}（${s.version}）`).join('、')}`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function main(argv: string[]): void {
  const [command, ...rest] = argv;
  const version = option(rest, '--version');
  if (rest.includes('--version') && version === undefined) fail('--version 后面要写版本');

  if (command === 'list') {
    const today = new Date().toISOString().slice(0, 10);
    const set = version ? findPolicySet(version) : (policySetFor(today) ?? POLICY_SETS.at(-1));
    if (!set) fail(`没有政策版本“${version ?? today}”\n${USAGE}`);
    process.stdout.write(`${formatRuleList(set)}\n`);
    return;
  }

  if (command === 'evaluate') {
    const file = rest.find((a, i) => !a.startsWith('--') && rest[i - 1] !== '--version');
    if (!file) fail(USAGE);
    // pnpm runs scripts from the workspace root; INIT_CWD is where the command was typed.
    const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      fail(`无法读取 ${path}：${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = parseEvaluationRequest(json, version ? { version } : {});
    if (!parsed.ok) fail(`文件有误：\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}`);
    const { policySet, ruleId, application, history } = parsed.request;
    const evaluation = evaluate(policySet, ruleId, application, history);
    process.stdout.write(
      `${rest.includes('--json') ? evaluationToJson(evaluation) : formatEvaluation(evaluation)}\n`,
    );
    return;
  }

  fail(USAGE);
}

main(process.argv.slice(2));
