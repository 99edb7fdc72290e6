import type { Applicant, Officer } from './actors';
import type { Demo } from './calls';
import type { Script } from './clock';
import type { Firms } from './organisations';

/**
 * 需求榜 (stage 1): needs posted by demo organisations of several areas and curated by the
 * officer of their area or the bureau. Five published (the first a technology need that the
 * 揭榜挂帅 call takes up, answered by a researcher and a firm), one returned for edits and one
 * waiting for 埇桥区 to curate.
 */

type NeedInput = Parameters<Applicant['api']['needs']['post']>[0];

const WAN = 1_000_000n; // 1万元 in fen

export interface Needs {
  /** 燃料电池低铂催化剂批量制备: the technology need the key-project call answers */
  catalyst?: string;
}

interface NeedPlan {
  poster: string;
  need: (year: number) => NeedInput;
  posted: [day: number, time: string];
  /** who curates, when, and how (none: left waiting) */
  curation?: {
    by: string;
    at: [day: number, time: string];
    action: 'publish' | 'return';
    comment?: string;
  };
  responses?: {
    by: string | ((firms: Partial<Firms>) => Applicant);
    at: [day: number, time: string];
    message: string;
  }[];
  keep?: keyof Needs;
}

const NEEDS: NeedPlan[] = [
  {
    poster: 'demo-openid-firm-1',
    keep: 'catalyst',
    need: (year) => ({
      kind: 'technology',
      title: '燃料电池低铂催化剂批量制备',
      fieldCode: 'low-carbon-energy',
      subFieldCode: 'catalyst',
      problem:
        '我司氢燃料电池系统所用催化剂依赖外购，铂载量高、批次一致性差，制约电堆成本下降。希望联合高校院所开发低铂合金催化剂并建立公斤级稳定制备工艺，在我司电堆产线完成验证。',
      indicators: '铂载量较现用产品降低30%以上；批次间质量活性偏差不超过5%；公斤级中试连续稳定运行',
      coFundFen: 300n * WAN,
      deadline: `${year + 2}-06-30`,
    }),
    posted: [-255, '09:40'],
    curation: { by: 'admin', at: [-254, '10:10'], action: 'publish' },
    responses: [
      {
        by: 'demo-openid-researcher-4',
        at: [-250, '14:05'],
        message:
          '本人团队长期从事燃料电池膜电极与低铂催化剂研究，已完成铂钴合金催化剂小试，愿牵头攻关并在贵司产线开展验证。',
      },
      {
        by: (firms) => firms.bianbei as Applicant,
        at: [-249, '11:20'],
        message:
          '我司具备催化剂浆料制备和涂布中试条件，拟联合宿州创新理工学院揭榜，承担公斤级放大与工艺定型。',
      },
    ],
  },
  {
    poster: 'demo-openid-firm-2',
    need: () => ({
      kind: 'scenario',
      title: '城市算力中心余热回收利用场景',
      applicationDomain: 'new-infrastructure',
      fieldCode: 'low-carbon-energy',
      problem:
        '埇桥区城市算力中心机房年散热量大，现以冷却塔直接排放。拟开放余热回收场景，征集热泵提温、周边建筑供暖与能耗智能调度的整体方案，要求不影响算力设备安全运行。',
      site: '宿州市埇桥区城市算力中心',
      budgetMinFen: 200n * WAN,
      budgetMaxFen: 500n * WAN,
    }),
    posted: [-101, '15:20'],
    curation: { by: 'yongqiao', at: [-99, '09:50'], action: 'publish' },
  },
  {
    poster: 'demo-openid-firm-4',
    need: (year) => ({
      kind: 'technology',
      title: '陶瓷基复合材料低成本快速烧结工艺',
      fieldCode: 'advanced-materials',
      subFieldCode: 'structure-function',
      problem:
        '我司结构功能一体化陶瓷部件采用常规热压烧结，周期长、能耗高、良品率偏低。需研发快速烧结工艺及配套模具，在保证致密度和力学性能的前提下缩短烧结周期、降低能耗。',
      indicators: '烧结周期缩短50%以上；致密度不低于98%；单位产品能耗降低30%；良品率达到95%',
      coFundFen: 150n * WAN,
      deadline: `${year + 1}-12-31`,
    }),
    posted: [-63, '10:30'],
    curation: { by: 'reviewer', at: [-61, '11:20'], action: 'publish' },
    responses: [
      {
        by: 'demo-openid-researcher-1',
        at: [-52, '15:40'],
        message:
          '课题组在陶瓷基复合材料放电等离子烧结方面有多年积累，可提供工艺路线设计与性能测试，欢迎进一步对接。',
      },
    ],
  },
  {
    poster: 'demo-openid-firm-3',
    need: () => ({
      kind: 'scenario',
      title: '砀山酥梨果园无人机植保与产量预测',
      applicationDomain: 'industry',
      fieldCode: 'aerospace-information',
      problem:
        '我司合作果园面积约三千亩，人工植保成本高、用药不均。拟开放无人机精准植保与基于遥感影像的产量预测应用场景，要求适应梨园高密度树冠作业，并与我司收购计划系统对接。',
      site: '砀山县良梨镇酥梨种植基地',
      budgetMinFen: 50n * WAN,
      budgetMaxFen: 120n * WAN,
    }),
    posted: [-42, '16:10'],
    curation: { by: 'dangshan', at: [-40, '09:35'], action: 'publish' },
    responses: [
      {
        by: 'demo-openid-firm-5',
        at: [-36, '10:25'],
        message:
          '我司可提供工业级植保无人机与多光谱遥感载荷，具备果园航线自动规划能力，可先行开展一百亩示范作业。',
      },
    ],
  },
  {
    poster: 'demo-openid-institute-1',
    need: () => ({
      kind: 'scenario',
      title: '低空物流无人机起降点与航线管理',
      applicationDomain: 'city-management',
      fieldCode: 'aerospace-information',
      problem:
        '灵璧县拟在县城至三个乡镇之间开通低空物流试点航线，需要建设标准化起降点并实现航线申报、实时监视与气象预警的一体化管理，欢迎具备低空运行服务能力的单位参与。',
      site: '灵璧县城区及尹集、朝阳、冯庙三镇',
      budgetMaxFen: 300n * WAN,
    }),
    posted: [-33, '10:00'],
    curation: { by: 'admin', at: [-31, '14:40'], action: 'publish' },
  },
  {
    poster: 'demo-openid-firm-3',
    need: () => ({
      kind: 'scenario',
      title: '梨膏生产线数字化质量追溯',
      applicationDomain: 'industry',
      fieldCode: 'general-intelligence',
      problem:
        '我司梨膏生产线希望引入在线检测与批次追溯系统，实现从原料果到成品的全过程质量数据记录，欢迎有食品行业数字化经验的单位揭榜。',
      site: '砀山县',
    }),
    posted: [-9, '11:15'],
    curation: {
      by: 'dangshan',
      at: [-8, '15:30'],
      action: 'return',
      comment: '请补充场景所在的具体地址和预算范围，并说明现有生产线的数字化基础，便于揭榜方评估。',
    },
  },
  {
    poster: 'demo-openid-firm-2',
    need: (year) => ({
      kind: 'technology',
      title: '政务大模型私有化部署的算力调度优化',
      fieldCode: 'general-intelligence',
      subFieldCode: 'computing-power',
      problem:
        '我司承建的政务大模型需在本地算力中心私有化部署，推理高峰时段显卡资源紧张、响应延迟明显。需研究多模型混合部署下的算力动态调度与推理加速技术。',
      indicators:
        '高峰时段平均响应时间降低40%；同等负载下显卡资源占用降低30%；支持不少于5个模型混合部署',
      coFundFen: 80n * WAN,
      deadline: `${year + 1}-10-31`,
    }),
    posted: [-2, '16:45'],
  },
];

/** Posts, curates and answers the needs on their dates; `needs` keeps the ones other stages use. */
export function needSteps(demo: Demo, script: Script, firms: Partial<Firms>, needs: Needs) {
  for (const plan of NEEDS) {
    let posted: { id: string; version: number } | undefined;
    const need = plan.need(demo.year);
    script.at(...plan.posted, `发布需求：${need.title}`, async () => {
      const poster = await demo.actors.applicant(plan.poster);
      posted = await poster.api.needs.post(need);
    });
    const curation = plan.curation;
    if (curation)
      script.at(...curation.at, `处理需求：${need.title}`, async () => {
        if (!posted) throw new Error('need not posted');
        const officer: Officer = await demo.actors.officer(curation.by);
        const curated = await officer.api.needs.curate({
          id: posted.id,
          expectedVersion: posted.version,
          action: curation.action,
          ...(curation.comment ? { comment: curation.comment } : {}),
        });
        if (plan.keep) needs[plan.keep] = curated.id;
      });
    for (const response of plan.responses ?? [])
      script.at(...response.at, `揭榜：${need.title}`, async () => {
        if (!posted) throw new Error('need not posted');
        const who =
          typeof response.by === 'string'
            ? await demo.actors.applicant(response.by)
            : response.by(firms);
        await who.api.needs.respond({ id: posted.id, message: response.message });
      });
  }
}
