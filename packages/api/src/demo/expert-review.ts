import type { Applicant } from './actors';
import type { Demo, Entry } from './calls';
import {
  accept,
  advance,
  areaCheck,
  bureauCheck,
  decline,
  drawPanel,
  publishCall,
  scoreAll,
  seats,
  submitEntry,
} from './calls';
import type { Script } from './clock';
import type { Firms } from './organisations';

/**
 * Stage 5: the disruptive-technology call (四.2) in 专家评审. A 生命健康 panel was drawn from the
 * demo pool for its two submissions; the first member declined (the first reserve is invited in
 * their place and has not answered), three accepted — one scored both submissions, one scored
 * one, one none yet — and the fifth has not answered. The panel cannot close yet.
 */

export const reviewCallTitle = (year: number) => `${year}年度颠覆性技术创新专项`;

const WAN = 1_000_000n; // 1万元 in fen

const EVIDENCE = [
  ['project-proposal', '项目申报书'],
  ['funding-commitment', '自筹资金承诺书'],
  ['credit-commitment', '信用承诺书'],
] as const;

function entries(yunzhi: Applicant, lvyuan: Applicant): Entry[] {
  return [
    {
      org: yunzhi,
      title: '基于多组学大模型的功能食品配方智能设计',
      form: {
        projectName: '基于多组学大模型的功能食品配方智能设计',
        fieldCode: 'life-health',
        goals:
          '构建覆盖万种食品原料的营养与功效知识库，训练配方设计专用模型，实现功能食品配方的智能生成与虚拟评价，配方研发周期缩短60%，在本地企业完成5个配方的验证。',
        cityFundsFen: 150n * WAN,
        ownFundsFen: 180n * WAN,
        months: 24,
      },
      evidence: EVIDENCE,
    },
    {
      org: lvyuan,
      title: '梨渣多糖的合成生物法绿色制造',
      form: {
        projectName: '梨渣多糖的合成生物法绿色制造',
        fieldCode: 'life-health',
        goals:
          '构建以梨渣水解糖为底物的工程菌株，建立发酵法制备功能性多糖的绿色工艺，产物得率较化学法提高一倍，完成千升级发酵验证，申请发明专利4件。',
        cityFundsFen: 200n * WAN,
        ownFundsFen: 240n * WAN,
        months: 30,
      },
      evidence: EVIDENCE,
    },
  ];
}

export function expertReviewSteps(demo: Demo, script: Script, firms: Partial<Firms>) {
  let callId = '';
  const list: Entry[] = [];
  const ids: string[] = [];
  let panelId = '';

  script.at(-52, '10:00', '发布颠覆性技术创新专项申报指南', async () => {
    const call = await publishCall(demo, {
      programme: 'disruptive-tech',
      year: demo.year,
      title: reviewCallTitle(demo.year),
      guide:
        '依据《以科技创新推进未来产业创新发展实施方案》四.2，支持具有颠覆性、非共识特征的原创技术探索，重点关注合成生物、人工智能赋能生命健康等交叉方向。申报单位须提供项目申报书和自筹资金承诺，经形式审查和专家评审择优支持。',
      fieldCodes: ['life-health', 'general-intelligence'],
      applyFrom: demo.clock.day(-52),
      applyUntil: demo.clock.day(-22),
    });
    callId = call.id;
    list.push(
      ...entries(await demo.actors.applicant('demo-openid-firm-2'), firms.lvyuan as Applicant),
    );
  });
  script.at(-35, '14:30', '云智数据申报', async () => {
    ids[0] = await submitEntry(demo, callId, list[0] as Entry);
  });
  script.at(-33, '10:15', '绿源合成生物申报', async () => {
    ids[1] = await submitEntry(demo, callId, list[1] as Entry);
  });
  script.at(-30, '09:40', '县区形式审查', () => areaCheck(demo, callId));
  script.at(-21, '09:00', '截止申报、市局形式审查、抽取专家', async () => {
    await advance(demo, callId, 'close-applications');
    await bureauCheck(demo, callId);
    await advance(demo, callId, 'start-expert-review');
    panelId = await drawPanel(demo, callId, '生命健康组', 'life-health', ids);
  });
  script.at(-19, '09:30', '专家答复评审邀请', async () => {
    const [first, second, third, fourth] = await seats(demo, panelId);
    if (!first || !second || !third || !fourth) throw new Error('panel too small');
    await decline(first, '评审期间在外地参加学术会议，无法参加');
    for (const seat of [second, third, fourth]) {
      demo.clock.later(35);
      await accept(seat);
    }
  });
  script.at(-16, '20:10', '专家评分（部分）', () => scoreAll(demo, panelId, ids, [[86], [83]]));
  script.at(-13, '21:00', '专家评分（部分）', () =>
    scoreAll(demo, panelId, [ids[0] ?? ''], [[undefined, 88]]),
  );
}
