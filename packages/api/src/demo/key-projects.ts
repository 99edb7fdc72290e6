import type { Applicant } from './actors';
import type { Demo, Entry } from './calls';
import type { Api } from './actors';
import {
  accept,
  acceptAll,
  advance,
  areaCheck,
  bureauCheck,
  closeNotice,
  closePanel,
  confirmTeamParts,
  decideAsProposed,
  decline,
  drawPanel,
  invited,
  publishCall,
  scoreAll,
  submitEntry,
} from './calls';
import type { Script } from './clock';
import type { Needs } from './needs';
import type { Firms } from './organisations';
import { NEW_FIRMS } from './organisations';

/**
 * Stage 3: the year's 揭榜挂帅 call (四.2), concluded in the spring. 汴北新能源 answered the
 * published technology need of 安徽宿氢 with 宿州创新理工学院; 梨康生物 and 萧县新材陶瓷 applied
 * with the same university (萧县 has no area officer: the bureau took the area step of the formal
 * check). All three were selected and became projects:
 * - 汴北's 任务书 was signed (its first tranche raised into the bureau's queue), its mid-term report
 *   passed (the second tranche raised) and it has now asked for a six-month extension;
 * - 新材陶瓷's six-month project ran its course: its final report (结题验收报告) is in and its
 *   验收专家组 is part-way — two verdicts given, one expert declined (a place for 递补), one
 *   accepted without a verdict yet, one invitation unanswered;
 * - 梨康's 任务书 still waits to be signed.
 */

export const keyProjectCallTitle = (year: number) => `${year}年度未来产业重点科技项目（揭榜挂帅）`;

const WAN = 1_000_000n; // 1万元 in fen

/** The mid-term report's files (PROJECT_REPORT_ATTACHMENTS): the report itself and a proof. */
const REPORT_FILES = [
  ['report-document', '中期报告（盖章版）'],
  ['financial-statement', '专项资金使用情况表'],
  ['supporting-material', '发明专利申请受理通知书'],
] as const;

/** The final report's files: the audit of the special funds is required for acceptance. */
const FINAL_REPORT_FILES = [
  ['report-document', '结题验收报告（盖章版）'],
  ['financial-statement', '专项资金审计报告'],
  ['supporting-material', '第三方检测报告'],
] as const;

const EVIDENCE = [
  ['project-proposal', '项目申报书'],
  ['cooperation-agreement', '产学研合作协议'],
  ['funding-commitment', '自筹资金承诺书'],
  ['credit-commitment', '信用承诺书'],
] as const;

function entries(
  bianbei: Applicant,
  likang: Applicant,
  xincai: Applicant,
  catalystNeed: string,
): Entry[] {
  return [
    {
      org: bianbei,
      title: '燃料电池低铂催化剂公斤级制备与电堆验证',
      needId: catalystNeed,
      form: {
        projectName: '燃料电池低铂催化剂公斤级制备与电堆验证',
        fieldCode: 'low-carbon-energy',
        goals:
          '开发铂钴合金低铂催化剂，铂载量降至0.2毫克每平方厘米以下，建成公斤级中试线并在安徽宿氢电堆产线完成验证；批次间质量活性偏差不超过5%，申请发明专利5件以上。',
        cityFundsFen: 300n * WAN,
        ownFundsFen: 450n * WAN,
        months: 12,
      },
      team: [
        {
          unitName: '宿州创新理工学院',
          personName: '陈思雨',
          part: '低铂合金催化剂设计、表征与性能评价',
        },
        { unitName: '安徽宿氢新能源科技有限公司', part: '电堆集成验证与示范应用' },
      ],
      evidence: EVIDENCE,
    },
    {
      org: likang,
      title: '酥梨多酚高值化提取与功能食品开发',
      form: {
        projectName: '酥梨多酚高值化提取与功能食品开发',
        fieldCode: 'life-health',
        goals:
          '建立酥梨多酚膜分离—树脂纯化联用工艺，多酚纯度达到80%以上、得率提高30%；开发梨多酚功能饮品等新产品3个，制定企业标准2项，实现年产值2000万元以上。',
        cityFundsFen: 200n * WAN,
        ownFundsFen: 260n * WAN,
        months: 24,
      },
      team: [
        { unitName: '宿州创新理工学院', personName: '李婉清', part: '多酚提取纯化工艺与功效评价' },
      ],
      evidence: EVIDENCE,
    },
    {
      org: xincai,
      title: '高纯氧化铝陶瓷基板流延成型工艺攻关',
      form: {
        projectName: '高纯氧化铝陶瓷基板流延成型工艺攻关',
        fieldCode: 'advanced-materials',
        goals:
          '攻克高纯氧化铝陶瓷基板流延成型与低温烧结工艺，基板热导率不低于28瓦每米开尔文、翘曲度小于千分之二，建成年产30万片示范线，良品率达到92%以上。',
        cityFundsFen: 120n * WAN,
        ownFundsFen: 150n * WAN,
        months: 6,
      },
      team: [
        { unitName: '宿州创新理工学院', personName: '周文博', part: '浆料配方设计与烧结机理研究' },
      ],
      evidence: EVIDENCE,
    },
  ];
}

export function keyProjectSteps(demo: Demo, script: Script, firms: Partial<Firms>, needs: Needs) {
  let callId = '';
  const list: Entry[] = [];
  const ids: string[] = [];
  const panels: string[] = [];
  const projects: { bianbei?: string; likang?: string; xincai?: string } = {};

  script.at(-245, '09:00', '发布揭榜挂帅项目申报指南', async () => {
    const call = await publishCall(demo, {
      programme: 'key-project',
      year: demo.year,
      title: keyProjectCallTitle(demo.year),
      guide:
        '依据《以科技创新推进未来产业创新发展实施方案》四.2，以需求榜发布的技术攻关需求为榜单，支持企业联合高校、科研院所揭榜攻关关键核心技术。申报项目须有合作成员单位，实施期限不超过36个月，单位自筹资金不低于申请市级资金。经形式审查和专家评审择优立项，市级资金按任务书分期拨付。',
      fieldCodes: ['low-carbon-energy', 'life-health', 'advanced-materials'],
      applyFrom: demo.clock.day(-245),
      applyUntil: demo.clock.day(-231),
      budgetFen: 800n * WAN,
    });
    callId = call.id;
  });
  script.at(-238, '10:20', '汴北新能源揭榜申报', async () => {
    list.push(
      ...entries(
        firms.bianbei as Applicant,
        await demo.actors.applicant('demo-openid-firm-3'),
        await demo.actors.applicant('demo-openid-firm-4'),
        needs.catalyst ?? '',
      ),
    );
    ids[0] = await submitEntry(demo, callId, list[0] as Entry);
  });
  script.at(-237, '14:50', '梨康生物申报', async () => {
    ids[1] = await submitEntry(demo, callId, list[1] as Entry);
  });
  script.at(-237, '16:20', '萧县新材陶瓷申报', async () => {
    ids[2] = await submitEntry(demo, callId, list[2] as Entry);
  });
  script.at(-236, '15:10', '合作单位确认承担任务', async () => {
    await confirmTeamParts(demo, 'demo-openid-university-1');
    await confirmTeamParts(demo, 'demo-openid-firm-1');
  });
  script.at(-235, '09:40', '县区形式审查', () => areaCheck(demo, callId));
  script.at(-230, '09:00', '截止申报、市局形式审查、分组抽取专家', async () => {
    await advance(demo, callId, 'close-applications');
    await bureauCheck(demo, callId);
    await advance(demo, callId, 'start-expert-review');
    panels[0] = await drawPanel(demo, callId, '低碳能源组', 'low-carbon-energy', [ids[0] ?? '']);
    panels[1] = await drawPanel(demo, callId, '生命健康组', 'life-health', [ids[1] ?? '']);
    panels[2] = await drawPanel(demo, callId, '先进材料组', 'advanced-materials', [ids[2] ?? '']);
  });
  script.at(-228, '09:20', '专家确认参加评审', async () => {
    for (const panelId of panels) await acceptAll(demo, panelId);
  });
  script.at(-225, '09:00', '专家评分', async () => {
    await scoreAll(demo, panels[0] ?? '', [ids[0] ?? ''], [[90, 88, 91, 87, 89]]);
    await scoreAll(demo, panels[1] ?? '', [ids[1] ?? ''], [[85, 83, 86, 84, 82]]);
    await scoreAll(demo, panels[2] ?? '', [ids[2] ?? ''], [[84, 86, 83, 85, 82]]);
  });
  script.at(-222, '16:20', '评分结束', async () => {
    for (const panelId of panels) await closePanel(demo, panelId);
    await advance(demo, callId, 'close-review');
  });
  script.at(-221, '10:30', '拟定立项名单', async () => {
    await decideAsProposed(demo, callId);
  });
  script.at(-220, '09:30', '立项名单公示', async () => {
    await advance(demo, callId, 'propose');
  });
  script.at(-200, '09:30', '公示期满，结束公示', async () => {
    await closeNotice(demo, callId);
  });
  script.at(-198, '10:00', '印发立项文件', async () => {
    await advance(demo, callId, 'conclude', {
      documentNo: `宿科〔${demo.year}〕63号`,
      issuedOn: demo.clock.day(-198),
    });
    const admin = await demo.actors.officer('admin');
    const made = await admin.api.selection.projects.list({ page: 1, pageSize: 20, callId });
    for (const p of made.items)
      if (p.organisationName === NEW_FIRMS.yongqiao.profile.name) projects.bianbei = p.id;
      else if (p.organisationName === XINCAI) projects.xincai = p.id;
      else projects.likang = p.id;
  });
  script.at(-193, '11:00', '局管理员调整汴北项目任务书', () =>
    adjustContract(
      demo,
      projects.bianbei ?? '',
      [
        ['完成低铂合金催化剂小试定型，铂载量降至0.2毫克每平方厘米以下，完成百克级制备验证'],
        ['建成公斤级中试线并连续稳定运行，在安徽宿氢电堆产线完成验证，申请发明专利5件以上'],
      ],
      [120n * WAN, 120n * WAN, 60n * WAN],
    ),
  );
  script.at(-192, '16:10', '局管理员调整新材陶瓷项目任务书', () =>
    adjustContract(
      demo,
      projects.xincai ?? '',
      [
        ['完成浆料配方与流延工艺定型，基板热导率不低于28瓦每米开尔文，翘曲度小于千分之二'],
        ['建成年产30万片示范线并试生产，良品率达到92%以上'],
      ],
      [50n * WAN, 40n * WAN, 30n * WAN],
    ),
  );
  script.at(-190, '15:30', '汴北新能源签订任务书（首期资金进入市局审核）', async () => {
    const bianbei = firms.bianbei as Applicant;
    const p = await bianbei.api.selection.projects.mineById({ id: projects.bianbei ?? '' });
    await bianbei.api.selection.projects.sign({ id: p.id, expectedVersion: p.version });
  });
  script.at(-189, '10:05', '萧县新材陶瓷签订任务书', async () => {
    const xincai = await demo.actors.applicant('demo-openid-firm-4');
    const p = await xincai.api.selection.projects.mineById({ id: projects.xincai ?? '' });
    await xincai.api.selection.projects.sign({ id: p.id, expectedVersion: p.version });
  });
  script.at(-102, '14:20', '萧县新材陶瓷提交中期报告', () =>
    submitReport(demo, 'demo-openid-firm-4', projects.xincai ?? '', 'mid-term', REPORT_FILES, {
      summary:
        '浆料配方与流延工艺已定型，基板热导率29.5瓦每米开尔文、翘曲度千分之一点六；示范线设备安装完成，开始试生产。',
      milestones: [
        { done: true, note: '工艺定型完成，热导率29.5瓦每米开尔文，翘曲度千分之一点六' },
        { done: false, note: '示范线设备安装完成，试生产中' },
      ],
      cityFundsSpentFen: 48n * WAN,
      ownFundsSpentFen: 70n * WAN,
      nextSteps: '完成示范线试生产与良品率爬坡，准备结题验收。',
    }),
  );
  script.at(-97, '10:30', '市局审查新材陶瓷中期报告通过', () =>
    passReport(demo, projects.xincai ?? '', 'mid-term', '工艺指标已达到，同意通过中期检查。'),
  );
  script.at(-20, '10:10', '汴北新能源提交中期报告', () =>
    submitReport(
      demo,
      NEW_FIRMS.yongqiao.openid,
      projects.bianbei ?? '',
      'mid-term',
      REPORT_FILES,
      {
        summary:
          '项目按任务书推进：铂钴合金催化剂完成小试定型，铂载量0.18毫克每平方厘米，百克级制备批次一致性良好；中试线主体设备已到位，正在安装调试。已申请发明专利2件。',
        milestones: [
          { done: true, note: '小试定型完成，铂载量0.18毫克每平方厘米，百克级制备3批次验证合格' },
          { done: false, note: '中试线主体设备已到位，连续化合成反应釜尚在安装调试' },
        ],
        cityFundsSpentFen: 110n * WAN,
        ownFundsSpentFen: 205n * WAN,
        nextSteps: '加快中试线调试，力争按期开展电堆验证；关注关键设备交付进度。',
      },
    ),
  );
  script.at(-12, '16:00', '市局审查中期报告通过（第二期资金进入市局审核）', () =>
    passReport(
      demo,
      projects.bianbei ?? '',
      'mid-term',
      '中期目标已完成，经费使用规范，同意通过中期检查。',
    ),
  );
  script.at(-9, '15:40', '萧县新材陶瓷提交结题验收报告', () =>
    submitReport(demo, 'demo-openid-firm-4', projects.xincai ?? '', 'final', FINAL_REPORT_FILES, {
      summary:
        '项目全面完成任务书考核指标：基板热导率29.8瓦每米开尔文、翘曲度千分之一点五；年产30万片示范线建成投产，连续三个月良品率93.2%。',
      milestones: [
        { done: true, note: '工艺定型完成，第三方检测热导率29.8瓦每米开尔文，翘曲度千分之一点五' },
        { done: true, note: '示范线建成投产，连续三个月良品率93.2%' },
      ],
      cityFundsSpentFen: 118n * WAN,
      ownFundsSpentFen: 162n * WAN,
      nextSteps: '扩大示范线产能，开拓功率模块封装客户。',
    }),
  );
  script.at(-7, '09:30', '市局抽取新材陶瓷项目验收专家组', async () => {
    const reviewer = await demo.actors.officer('reviewer');
    await reviewer.api.selection.projects.drawAcceptancePanel({ id: projects.xincai ?? '' });
  });
  script.at(-6, '10:00', '验收专家陆续回复', () => acceptancePartWay(demo, projects.xincai ?? ''));
  script.at(-6, '10:40', '局管理员调整梨康项目任务书', () =>
    adjustContract(
      demo,
      projects.likang ?? '',
      [
        ['完成多酚提取纯化中试工艺验证，纯度达到80%以上，得率提高30%'],
        ['开发梨多酚功能饮品等新产品3个，制定企业标准2项，实现年产值2000万元以上'],
      ],
      [100n * WAN, 60n * WAN, 40n * WAN],
    ),
  );
  script.at(-4, '09:50', '汴北新能源申请延期', async () => {
    const bianbei = firms.bianbei as Applicant;
    const p = await bianbei.api.selection.projects.mineById({ id: projects.bianbei ?? '' });
    await bianbei.api.selection.projects.requestChange({
      id: p.id,
      expectedVersion: p.version,
      request: {
        kind: 'extension',
        months: 6,
        reason:
          '中试线关键设备（连续化合成反应釜）供货商交付推迟约五个月，影响中试与电堆验证进度，申请项目实施期限延长6个月。',
      },
    });
  });
}

const XINCAI = '萧县新材陶瓷科技有限公司';

type ReportKind = 'mid-term' | 'final';
type ReportInput = Parameters<Api['selection']['projects']['submitReport']>[0];
type ReportBody = ReportInput['body'];
type ReportFiles = readonly (readonly [ReportInput['attachments'][number]['kind'], string])[];

/** The organisation's administrator uploads the report's files and submits it. */
async function submitReport(
  demo: Demo,
  openid: string,
  projectId: string,
  kind: ReportKind,
  files: ReportFiles,
  body: ReportBody,
) {
  const admin = await demo.actors.applicant(openid);
  const p = await admin.api.selection.projects.mineById({ id: projectId });
  const attachments = [];
  for (const [fileKind, fileName] of files) {
    const description = `Attachment "${fileKind}" of the ${kind} report of project ${p.number}`;
    attachments.push({
      kind: fileKind,
      fileId: await demo.actors.upload(admin, fileName, description),
    });
    demo.clock.later(2);
  }
  await admin.api.selection.projects.submitReport({
    id: p.id,
    expectedVersion: p.version,
    kind,
    body,
    attachments,
  });
}

/** The bureau's reviewer passes the report. */
async function passReport(demo: Demo, projectId: string, kind: ReportKind, comment: string) {
  const reviewer = await demo.actors.officer('reviewer');
  const p = await reviewer.api.selection.projects.byId({ id: projectId });
  await reviewer.api.selection.projects.reviewReport({
    id: p.id,
    expectedVersion: p.version,
    kind,
    outcome: 'pass',
    comment,
  });
}

/**
 * The acceptance panel part-way, each kind of place once: two members accept and pass the
 * report, one declines (the officer may now 递补 from the reserve), one accepts and is still
 * reading, one has not answered.
 */
async function acceptancePartWay(demo: Demo, projectId: string) {
  const reviewer = await demo.actors.officer('reviewer');
  const panel = (await reviewer.api.selection.projects.byId({ id: projectId })).acceptance?.panel;
  if (!panel) throw new Error('the acceptance panel was not drawn');
  const [first, second, third, fourth] = await invited(demo, panel.id);
  if (!first || !second || !third || !fourth) throw new Error('the panel has too few members');
  for (const seat of [first, second]) {
    await accept(seat);
    demo.clock.later(40);
    await seat.expert.api.selection.reviews.verdict({
      assignmentId: seat.assignmentId,
      sheet: {
        conflict: 'none',
        verdict: 'pass',
        comment: '考核指标全部完成并有第三方检测报告佐证，经费使用规范，同意通过验收。',
      },
    });
    demo.clock.later(75);
  }
  await decline(third, '验收会议期间在外地出差，无法参加');
  demo.clock.later(30);
  await accept(fourth);
}

/**
 * The bureau rewrites the drafted 任务书's milestone indicators from the proposal and splits the
 * city funds into three tranches: on signing, after the mid-term check, after acceptance.
 */
async function adjustContract(
  demo: Demo,
  projectId: string,
  indicators: [string][],
  [signing, midTerm, acceptance]: [bigint, bigint, bigint],
) {
  const admin = await demo.actors.officer('admin');
  const p = await admin.api.selection.projects.byId({ id: projectId });
  await admin.api.selection.projects.saveContract({
    id: p.id,
    expectedVersion: p.version,
    contract: {
      startOn: p.contract.startOn,
      endOn: p.contract.endOn,
      cityFundsFen: p.contract.cityFundsFen,
      ownFundsFen: p.contract.ownFundsFen,
      milestones: p.contract.milestones.map((m, i) => ({
        title: m.title,
        dueOn: m.dueOn,
        indicators: indicators[i]?.[0] ?? m.indicators,
      })),
      tranches: [
        { condition: 'signing', amountFen: signing },
        { condition: 'mid-term', amountFen: midTerm },
        { condition: 'acceptance', amountFen: acceptance },
      ],
    },
  });
}
