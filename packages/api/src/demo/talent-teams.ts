import type { Applicant } from './actors';
import type { Demo, Entry } from './calls';
import { confirmTeamParts, publishCall, reviewSteps, submitEntry } from './calls';
import type { Script } from './clock';
import type { Firms } from './organisations';

/**
 * Stage 4: the talent-team selection (四.5) in 公示. Three teams, each with 宿州创新理工学院 as a
 * confirmed partner, were scored by a 先进材料 panel; their results fall in the A, B and C bands
 * (≥ 90, ≥ 80, ≥ 70), the bureau listed them as proposed, and the list was published yesterday:
 * its notice runs into next week.
 */

export const talentCallTitle = (year: number) => `${year}年度市级高层次科技人才团队遴选`;

const EVIDENCE = [
  ['team-proposal', '团队申报书'],
  ['team-agreement', '团队与依托单位合作协议'],
  ['credit-commitment', '信用承诺书'],
] as const;

function entries(bianbei: Applicant, likang: Applicant, yunzhi: Applicant): Entry[] {
  return [
    {
      org: bianbei,
      title: '固态储氢材料创新团队',
      form: {
        teamName: '固态储氢材料创新团队',
        leaderName: '韩立峰',
        fieldCode: 'advanced-materials',
        memberCount: 12,
        achievements:
          '团队近五年承担省部级科研项目6项，在镁基、钛系储氢合金方向发表论文30余篇，授权发明专利14件，开发的储氢罐已在两条氢能物流线路示范应用。',
        plan: '依托汴北新能源建设固态储氢材料中试平台，三年内实现储氢合金吨级制备，孵化科技型企业1家，培养青年骨干8名。',
      },
      team: [
        { unitName: '宿州创新理工学院', personName: '陈思雨', part: '储氢合金成分设计与表征测试' },
      ],
      evidence: EVIDENCE,
    },
    {
      org: likang,
      title: '梨渣基生物可降解材料创新团队',
      form: {
        teamName: '梨渣基生物可降解材料创新团队',
        leaderName: '刘芳',
        fieldCode: 'advanced-materials',
        memberCount: 9,
        achievements:
          '团队长期从事果蔬加工副产物综合利用研究，开发的梨渣纤维复合包装材料完成中试，授权发明专利8件，制定地方标准1项。',
        plan: '在砀山建设梨渣纤维材料生产示范线，三年内形成年处理梨渣两万吨能力，开发可降解包装制品5种。',
      },
      team: [
        { unitName: '宿州创新理工学院', personName: '李婉清', part: '梨渣纤维提取与改性研究' },
      ],
      evidence: EVIDENCE,
    },
    {
      org: yunzhi,
      title: '材料智能设计与计算团队',
      form: {
        teamName: '材料智能设计与计算团队',
        leaderName: '孙浩',
        fieldCode: 'advanced-materials',
        memberCount: 7,
        achievements:
          '团队构建了面向复合材料的性能预测模型与材料数据库，服务本地材料企业10余家，登记软件著作权9项。',
        plan: '建设材料计算与数据服务平台，三年内为我市先进材料企业提供配方设计服务不少于30项。',
      },
      team: [
        { unitName: '宿州创新理工学院', personName: '张明远', part: '复合材料试样制备与实验验证' },
      ],
      evidence: EVIDENCE,
    },
  ];
}

export function talentTeamSteps(demo: Demo, script: Script, firms: Partial<Firms>) {
  let callId = '';
  const list: Entry[] = [];
  const ids: string[] = [];

  script.at(-62, '09:30', '发布人才团队遴选指南', async () => {
    const call = await publishCall(demo, {
      programme: 'talent-team',
      year: demo.year,
      title: talentCallTitle(demo.year),
      guide:
        '依据《以科技创新推进未来产业创新发展实施方案》四.5，面向未来产业重点方向遴选一批高层次科技人才团队，经专家评审按程序分为A、B、C三类，分别给予300万元、200万元、100万元资助。团队须有依托单位和合作成员单位，带头人须全职或柔性在宿工作。',
      applyFrom: demo.clock.day(-62),
      applyUntil: demo.clock.day(-32),
    });
    callId = call.id;
    list.push(
      ...entries(
        firms.bianbei as Applicant,
        await demo.actors.applicant('demo-openid-firm-3'),
        await demo.actors.applicant('demo-openid-firm-2'),
      ),
    );
  });
  for (const [i, day] of [-48, -47, -46].entries())
    script.at(day, '11:00', '提交人才团队申报', async () => {
      ids[i] = await submitEntry(demo, callId, list[i] as Entry);
    });
  script.at(-45, '15:20', '宿州创新理工学院确认合作任务', () =>
    confirmTeamParts(demo, 'demo-openid-university-1'),
  );
  reviewSteps(
    demo,
    script,
    {
      callId: () => callId,
      ids: () => ids,
      panel: {
        name: '先进材料组',
        fieldCode: 'advanced-materials',
        totals: [
          [93, 91, 90, 92, 89],
          [84, 82, 86, 81, 83],
          [74, 72, 76, 71, 73],
        ],
      },
      decideName: '拟定入选团队及类别',
      proposeName: '入选团队名单公示',
    },
    // Still in its notice (公示) today.
    {
      areaCheck: -44,
      closeAndDraw: -31,
      accept: -29,
      score: -25,
      closeReview: -22,
      decide: -6,
      propose: -1,
    },
  );
}
