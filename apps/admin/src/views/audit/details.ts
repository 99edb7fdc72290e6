import { APPLICATION_STATUS_LABELS, areaName } from '@kc/domain';
import { formatFen } from '../../utils/money';

/**
 * An audit row's details as officers read them: Chinese labels, money in yuan, statuses by
 * name. Record ids are left out (the row already names its record); a key without a label
 * (a newer row) is shown under 其他.
 */
const LABELS: Record<string, string> = {
  number: '编号',
  name: '名称',
  title: '标题',
  username: '用户名',
  reason: '理由',
  comment: '意见',
  resolution: '处理意见',
  note: '备注',
  from: '原状态',
  to: '新状态',
  status: '状态',
  amount: '金额',
  amountFen: '金额',
  total: '合计',
  committedFen: '已承诺金额',
  paidFen: '已拨付金额',
  newBudgetFen: '新预算',
  oldBudgetFen: '原预算',
  application: '申请编号',
  applications: '涉及申请',
  noticeNumber: '公示批次',
  organisation: '单位',
  creditCode: '统一社会信用代码',
  role: '角色',
  roleLabel: '角色',
  previousRoleLabel: '原角色',
  actingRole: '办理身份',
  areaCode: '地区',
  disabled: '已停用',
  endedSessions: '结束会话数',
  failures: '连续失败次数',
  changed: '修改的项目',
  fields: '项目',
  kindName: '类别',
  filterSummary: '筛选条件',
  gradeName: '考核等级',
  licenceKind: '证照类型',
  memberName: '成员',
  researcherName: '科研人员',
  claimantName: '申诉人',
  institutionName: '工作单位',
  objector: '异议人',
  content: '内容',
  receivedOn: '收到日期',
  publishedOn: '发布日期',
  endsOn: '截止日期',
  validUntil: '有效期至',
  expiresAt: '过期时间',
  workingDays: '工作日数',
  month: '月份',
  daysOnSite: '驻企天数',
  year: '年度',
  ruleName: '奖补事项',
  originalName: '文件名',
  documentNo: '文号',
  holder: '开户名称',
  bank: '开户银行',
  accountNo: '账号',
  previousName: '原名称',
  previousBank: '原开户银行',
  previousAccountNo: '原账号',
  bankReference: '银行流水号',
  rowCount: '行数',
  runNo: '运行序号',
  totalScore: '总分',
  closedWithIt: '一并结束的异议',
  pulled: '撤回事项数',
  passed: '通过事项数',
  warnings: '提示',
  stepName: '办理环节',
  // 专家抽取 (评审组, 验收专家组) and the acceptance's verdicts
  seed: '随机种子',
  pool: '符合条件的专家数',
  members: '抽中专家数',
  reserves: '备选专家数',
  excluded: '排除专家数',
  expert: '专家',
  vacancies: '待递补名额',
  fromReserves: '由备选专家递补',
  invited: '邀请专家数',
  panelVerdicts: '验收专家组意见',
  panelMajority: '专家组多数意见',
  panelComplete: '专家组意见已汇齐',
  departureReason: '与专家组意见不一致的理由',
  // 政策修订 and 政策沙盘
  effectiveFrom: '施行日期',
  changes: '修改内容',
  draftsTold: '已通知的未提交申请数',
  periodFrom: '推演期间自',
  periodTo: '推演期间至',
  outcome: '处理结果',
  comments: '意见数',
  commenters: '提意见人数',
};

/** Keys that only point at other records by id, and internal bookkeeping. */
const HIDDEN =
  /(Id|UserId|Ids)$|^(durationMs|settingsVersion|calendar|mimeType|sizeBytes|ruleId|kind|grade|flags|counts|filters)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key.endsWith('Fen') && (typeof value === 'string' || typeof value === 'number'))
    return formatFen(BigInt(value));
  if ((key === 'from' || key === 'to' || key === 'status') && typeof value === 'string')
    return APPLICATION_STATUS_LABELS[value as keyof typeof APPLICATION_STATUS_LABELS] ?? value;
  if (key === 'areaCode' && typeof value === 'string') return areaName(value);
  if (Array.isArray(value)) return value.map((v) => text('', v)).join('、');
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .filter((v) => !(typeof v === 'string' && UUID.test(v)))
      .map((v) => text('', v))
      .join(' ');
  return String(value);
}

export function auditDetailLines(details: unknown): { label: string; value: string }[] {
  if (!details || typeof details !== 'object') return [];
  return Object.entries(details as Record<string, unknown>).flatMap(([key, value]) => {
    if (HIDDEN.test(key) || (typeof value === 'string' && UUID.test(value))) return [];
    return [{ label: LABELS[key] ?? '其他', value: text(key, value) }];
  });
}
