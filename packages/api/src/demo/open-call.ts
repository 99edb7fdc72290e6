import type { Demo, Entry } from './calls';
import { publishCall, saveEntry, submitEntry } from './calls';
import type { Script } from './clock';

/**
 * Stage 2: the year's second scenario-case call, open for three more weeks. 宿马航天 has a draft
 * (not yet complete), 云智数据's submission waits for 埇桥区's formal check, and 梨康生物's,
 * passed by 砀山县, waits for the bureau's.
 */

export const openCallTitle = (year: number) => `${year}年度市级重大应用场景典型案例评选（第二批）`;

export function openCallSteps(demo: Demo, script: Script) {
  let callId = '';

  script.at(-8, '09:30', '发布场景案例评选指南（第二批）', async () => {
    const call = await publishCall(demo, {
      programme: 'scenario-case',
      year: demo.year,
      title: openCallTitle(demo.year),
      guide:
        '依据《以科技创新推进未来产业创新发展实施方案》四.1，继续征集已在我市落地运行、成效可量化的重大应用场景典型案例，重点关注城市治理、低空经济和农业数字化方向。本批拟评选不超过8项，全年评选总数不超过10项。申报材料包括场景案例申报书、场景落地证明和信用承诺书。',
      applyFrom: demo.clock.day(-8),
      applyUntil: demo.clock.day(22),
      quota: 8,
    });
    callId = call.id;
  });
  script.at(-6, '16:20', '宿马航天保存申报草稿', async () => {
    const entry: Entry = {
      org: await demo.actors.applicant('demo-openid-firm-5'),
      title: '城区低空无人机应急巡检示范',
      form: {
        caseName: '城区低空无人机应急巡检示范',
        applicationDomain: 'city-management',
        fieldCode: 'aerospace-information',
      },
      evidence: [['case-summary', '场景案例申报书（初稿）']],
    };
    await saveEntry(demo, callId, entry);
  });
  script.at(-5, '10:30', '云智数据提交申报', async () => {
    await submitEntry(demo, callId, {
      org: await demo.actors.applicant('demo-openid-firm-2'),
      title: '城区交通信号智能协同控制',
      form: {
        caseName: '城区交通信号智能协同控制',
        applicationDomain: 'city-management',
        fieldCode: 'general-intelligence',
        site: '宿州市埇桥区主城区38个路口',
        summary:
          '基于路口视频与地磁数据实时优化信号配时，覆盖主城区38个路口。运行一年来高峰时段主干道平均通行时间缩短17%，路口平均排队长度下降23%。',
      },
      evidence: [
        ['case-summary', '场景案例申报书'],
        ['site-proof', '用户单位应用证明'],
        ['credit-commitment', '信用承诺书'],
      ],
    });
  });
  script.at(-4, '15:00', '梨康生物提交申报', async () => {
    await submitEntry(demo, callId, {
      org: await demo.actors.applicant('demo-openid-firm-3'),
      title: '酥梨全产业链数字化服务平台',
      form: {
        caseName: '酥梨全产业链数字化服务平台',
        applicationDomain: 'industry',
        fieldCode: 'general-intelligence',
        site: '砀山县（覆盖12个乡镇、860家种植户）',
        summary:
          '平台连接种植户、收购商和加工企业，提供农事记录、产量预估、收购撮合和质量追溯服务。上线两年服务种植户860家，酥梨优果率提高9个百分点，户均增收约3200元。',
      },
      evidence: [
        ['case-summary', '场景案例申报书'],
        ['site-proof', '场景落地证明（用户证明）'],
        ['credit-commitment', '信用承诺书'],
      ],
    });
  });
  script.at(-3, '09:45', '砀山县形式审查通过', async () => {
    // Only 砀山县's submission: 埇桥区's still waits for its officer.
    const dangshan = await demo.actors.officer('dangshan');
    for (const s of await dangshan.api.selection.calls.submissions({ id: callId }))
      if (s.status === 'submitted')
        await dangshan.api.selection.submissions.formalCheck({
          id: s.id,
          expectedVersion: s.version,
          action: 'pass',
        });
  });
}
