import { yuan } from '@kc/domain';
import type { Applicant } from './actors';
import type { Demo } from './calls';
import type { Script } from './clock';
import type { Firms } from './organisations';

/**
 * Stage 7: three firms' 四.8 applications (购买市外先进技术成果), submitted in the last two months
 * and waiting for review — what the 政策沙盘 replays when the bureau weighs a higher cap. Worked by
 * hand (10% of what was paid by bank transfer, at most ¥500,000 per result):
 *
 * | firm | paid       | 10%      | under the ¥500,000 cap | under a ¥800,000 cap |
 * | ---- | ---------- | -------- | ---------------------- | -------------------- |
 * | 云智 | ¥3,000,000 | ¥300,000 | ¥300,000               | ¥300,000             |
 * | 汴北 | ¥6,500,000 | ¥650,000 | ¥500,000               | ¥650,000             |
 * | 绿源 | ¥9,000,000 | ¥900,000 | ¥500,000               | ¥800,000             |
 *
 * ¥1,300,000 now, ¥1,750,000 under a ¥800,000 cap: ¥450,000 more.
 */

export const TECH_TRANSFER_DEMO = [
  {
    day: -50,
    paidYuan: 3_000_000,
    contractYuan: 3_500_000,
    resultName: '工业数据边缘计算网关软件著作权及配套技术',
    sellerName: '南京智联边缘计算研究院有限公司',
    sellerRegion: '江苏省南京市',
    conversionProject: '在埇桥区建设工业数据采集网关产线，已为12家规上企业完成部署',
  },
  {
    day: -35,
    paidYuan: 6_500_000,
    contractYuan: 8_000_000,
    resultName: '质子交换膜燃料电池低铂催化剂制备技术',
    sellerName: '合肥先进催化材料研究院有限公司',
    sellerRegion: '安徽省合肥市',
    conversionProject: '在北部新城产业园建设年产5吨催化剂中试线，设备已安装调试',
  },
  {
    day: -12,
    paidYuan: 9_000_000,
    contractYuan: 12_000_000,
    resultName: '果渣膳食纤维合成生物转化菌株及工艺包',
    sellerName: '江南大学食品生物技术转化中心有限公司',
    sellerRegion: '江苏省无锡市',
    conversionProject: '在砀山经济开发区建设果渣生物转化车间，首批产品已完成试产',
  },
] as const;

const EVIDENCE = [
  ['technology-contract', '技术转让合同'],
  ['bank-transfer-voucher', '银行转账凭证（回单）'],
  ['conversion-proof', '成果在宿转化应用情况说明'],
  ['credit-commitment', '信用承诺书'],
  ['bank-account', '收款账户证明'],
] as const;

async function apply(demo: Demo, firm: Applicant, at: number, n: number) {
  const a = TECH_TRANSFER_DEMO[n] as (typeof TECH_TRANSFER_DEMO)[number];
  const evidence: { kind: string; fileId: string }[] = [];
  for (const [kind, fileName] of EVIDENCE) {
    evidence.push({
      kind,
      fileId: await demo.actors.upload(
        firm,
        fileName,
        `Evidence "${kind}" of a tech-transfer application by ${firm.caller.openid}`,
      ),
    });
    demo.clock.later(2);
  }
  const signedOn = demo.clock.day(at - 40);
  const draft = await firm.api.applications.saveDraft({
    ruleId: 'tech-transfer',
    input: {
      contractNo: `JSHT-${demo.clock.day(at - 40).replaceAll('-', '')}-${n + 1}`,
      resultName: a.resultName,
      sellerName: a.sellerName,
      sellerLocation: 'outside-city',
      sellerRegion: a.sellerRegion,
      contractSignedOn: signedOn,
      contractAmount: yuan(a.contractYuan),
      payments: [
        {
          paidOn: demo.clock.day(at - 20),
          amount: yuan(a.paidYuan),
          voucherNo: `ZZ${demo.clock.day(at - 20).replaceAll('-', '')}0${n + 1}`,
        },
      ],
      conversionProject: a.conversionProject,
    },
    evidence,
  });
  demo.clock.later(15);
  await firm.api.applications.submit({ applicationId: draft.id, expectedVersion: draft.version });
}

export function techTransferSteps(demo: Demo, script: Script, firms: Partial<Firms>) {
  const who = [
    () => demo.actors.applicant('demo-openid-firm-2'),
    async () => firms.bianbei as Applicant,
    async () => firms.lvyuan as Applicant,
  ];
  TECH_TRANSFER_DEMO.forEach((a, n) =>
    script.at(a.day, '15:20', '提交技术成果转化补助申请', async () =>
      apply(demo, await (who[n] as () => Promise<Applicant>)(), a.day, n),
    ),
  );
}
