import type { Applicant } from './actors';
import type { Demo, Entry } from './calls';
import { publishCall, reviewSteps, submitEntry } from './calls';
import type { Script } from './clock';
import type { Firms } from './organisations';

/**
 * Stage 6: the year's first scenario-case call (四.1), concluded months ago. Three cases went
 * through the formal check and a 低碳能源 panel; the two best (the call's quota) were listed,
 * the notice passed and the result was issued, which made each a 免申即享 invitation to the
 * ¥200,000 award (the third was not selected).
 */

export const scenarioCallTitle = (year: number) =>
  `${year}年度市级重大应用场景典型案例评选（第一批）`;

const EVIDENCE = [
  ['case-summary', '场景案例申报书'],
  ['site-proof', '场景落地证明（验收报告）'],
  ['credit-commitment', '信用承诺书'],
] as const;

function entries(yunzhi: Applicant, bianbei: Applicant, likang: Applicant): Entry[] {
  return [
    {
      org: yunzhi,
      title: '埇桥经济开发区综合能源智慧管控平台',
      form: {
        caseName: '埇桥经济开发区综合能源智慧管控平台',
        applicationDomain: 'new-infrastructure',
        fieldCode: 'low-carbon-energy',
        site: '埇桥经济开发区（27家规上企业接入）',
        summary:
          '平台接入园区27家规上企业的电、气、热计量数据，实现负荷预测、需求响应与能效诊断。运行一年来园区综合能耗下降8.6%，参与电网需求响应12次，年节约用能成本约640万元。',
      },
      evidence: EVIDENCE,
    },
    {
      org: bianbei,
      title: '北部新城产业园光储充一体化示范站',
      form: {
        caseName: '北部新城产业园光储充一体化示范站',
        applicationDomain: 'industry',
        fieldCode: 'low-carbon-energy',
        site: '宿州市埇桥区北部新城产业园',
        summary:
          '建成2.4兆瓦屋顶光伏、5兆瓦时磷酸铁锂储能和40个直流快充桩，采用自研能量管理系统实现削峰填谷。投运以来年发电量约260万千瓦时，园区物流车辆充电成本下降35%。',
      },
      evidence: EVIDENCE,
    },
    {
      org: likang,
      title: '酥梨冷链物流园光伏储能微电网',
      form: {
        caseName: '酥梨冷链物流园光伏储能微电网',
        applicationDomain: 'industry',
        fieldCode: 'low-carbon-energy',
        site: '砀山县酥梨冷链物流园',
        summary:
          '在冷库屋顶建设1.2兆瓦光伏并配置2兆瓦时储能，冷库制冷负荷按电价时段柔性调节，冷链仓储用电成本下降22%，年减排二氧化碳约900吨。',
      },
      evidence: EVIDENCE,
    },
  ];
}

export function scenarioCaseSteps(demo: Demo, script: Script, firms: Partial<Firms>) {
  let callId = '';
  const ids: string[] = [];
  const list: Entry[] = [];

  script.at(-165, '09:30', '发布场景案例评选指南（第一批）', async () => {
    const call = await publishCall(demo, {
      programme: 'scenario-case',
      year: demo.year,
      title: scenarioCallTitle(demo.year),
      guide:
        '依据《以科技创新推进未来产业创新发展实施方案》四.1，面向通用智能、低碳能源、空天信息、生命健康、先进材料等方向，征集已在我市落地运行一年以上、成效可量化的重大应用场景典型案例。申报单位须为在我市注册的企业或事业单位，经县区和市局形式审查后组织专家评审，拟评选典型案例名单向社会公示。入选案例按政策给予奖励（免申即享）。',
      applyFrom: demo.clock.day(-165),
      applyUntil: demo.clock.day(-146),
      quota: 2,
    });
    callId = call.id;
    list.push(
      ...entries(
        await demo.actors.applicant('demo-openid-firm-2'),
        firms.bianbei as Applicant,
        await demo.actors.applicant('demo-openid-firm-3'),
      ),
    );
  });
  for (const [i, day] of [-156, -155, -153].entries())
    script.at(day, '10:40', '提交场景案例申报', async () => {
      ids[i] = await submitEntry(demo, callId, list[i] as Entry);
    });
  reviewSteps(
    demo,
    script,
    {
      callId: () => callId,
      ids: () => ids,
      panel: {
        name: '低碳能源组',
        fieldCode: 'low-carbon-energy',
        totals: [
          [88, 86, 90, 85, 87],
          [84, 83, 86, 82, 85],
          [78, 80, 76, 79, 81],
        ],
      },
      decideName: '拟定入选名单',
      proposeName: '入选名单公示',
    },
    {
      areaCheck: -150,
      closeAndDraw: -145,
      accept: -143,
      score: -141,
      closeReview: -139,
      decide: -137,
      propose: -136,
      closeNotice: -116,
      conclude: { day: -113, documentNo: `宿科〔${demo.year}〕72号` },
    },
  );
}
