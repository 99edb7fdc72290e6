import { definePolicySet } from '../define';
import { SUZHOU_FUTURE_RULES } from '../rules';
import { DEFAULT_POLICY_SETTINGS } from '../settings';

/**
 * 宿州市科学技术局《以科技创新推进未来产业创新发展实施方案（征求意见稿）》, clauses 四.1–四.12.
 *
 * effectiveFrom 2026-01-01: the draft names no date. Its targets run to 2030 and the money comes
 * from the yearly city science and technology fund, whose budget year is the calendar year; starting
 * on 1 January lets the first year's quota (10 scenario cases) and budgets count a whole year.
 * When the final text is issued with its own date and figures, add it as a new version (README).
 */
export const SUZHOU_FUTURE_2026_DRAFT = definePolicySet({
  id: 'suzhou-future-2026-draft',
  version: '2026.1-draft',
  title: '宿州市科学技术局以科技创新推进未来产业创新发展实施方案（征求意见稿）',
  source: {
    document: '宿州市科学技术局以科技创新推进未来产业创新发展实施方案（征求意见稿）',
    issuer: '宿州市科学技术局',
    status: '征求意见稿',
  },
  effectiveFrom: '2026-01-01',
  settings: DEFAULT_POLICY_SETTINGS,
  rules: SUZHOU_FUTURE_RULES,
  notes: [
    '征求意见稿未规定施行日期，暂按 2026-01-01（财政预算年度起点）施行；正式文件印发后以新版本替换',
    '方案未规定的事项（升级认定、申请期限、是否追溯、团队申请、公示期）见版本设置',
  ],
});
