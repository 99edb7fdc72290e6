import type { Api } from './admin-b-api';
import { RUN, applicantApi, uniqueCreditCode, uniqueResidentId } from './admin-b-api';

/**
 * A 科技副总 call of this run at the matching stage, made through the API as firms, researchers
 * and the bureau would: two 低碳能源 firms in 埇桥区 post one need each, two researchers apply.
 */
export async function callAtMatching(
  admin: Api,
  stack: { apiUrl: string; wechatUrl: string },
  serial: number,
) {
  const title = `E2E科技副总批次${RUN}-${serial}`;
  const call = await admin.mutate<{ id: string; number: string }>('vp.calls.create', {
    year: 2026,
    title,
    needsDeadline: '2026-12-30',
    applicationsDeadline: '2026-12-31',
    referenceDate: '2026-12-31',
  });

  const firms = ['氢芯', '膜创'].map((name, i) => ({
    name: `宿州${name}能源科技有限公司${RUN}${serial}`,
    need: `${name}膜电极量产工艺攻关`,
    creditCode: uniqueCreditCode(serial * 10 + i),
  }));
  for (const [i, firm] of firms.entries()) {
    const api = await applicantApi(
      stack.apiUrl,
      stack.wechatUrl,
      `e2e-b-firm-${RUN}-${serial}-${i}`,
    );
    await api.mutate('profile.saveOrganisation', {
      type: 'firm',
      name: firm.name,
      creditCode: firm.creditCode,
      areaCode: 'yongqiao',
      fieldCodes: ['low-carbon-energy'],
      subFieldCodes: ['membrane-electrode'],
      qualifications: ['high-tech-enterprise'],
      contactName: '陈晓东',
      contactPhone: '13955710001',
    });
    await api.mutate('vp.needs.create', {
      callId: call.id,
      need: {
        title: firm.need,
        fieldCode: 'low-carbon-energy',
        subFieldCode: 'membrane-electrode',
        problem: '膜电极批量制备一致性差，铂载量偏高，需要优化涂布工艺与催化剂配方，提高良品率。',
        expertiseWanted: '膜电极制备、质子交换膜、催化剂',
        daysPerYear: 60,
        positions: 1,
      },
    });
  }
  await admin.mutate('vp.calls.advance', { callId: call.id, action: 'open-applications' });

  const researchers = ['周', '吴'].map((surname, i) => ({
    name: `${surname}文博`,
    residentId: uniqueResidentId(serial * 10 + i),
  }));
  for (const [i, r] of researchers.entries()) {
    const api = await applicantApi(
      stack.apiUrl,
      stack.wechatUrl,
      `e2e-b-res-${RUN}-${serial}-${i}`,
    );
    await api.mutate('profile.saveResearcher', {
      name: r.name,
      residentId: r.residentId,
      mobile: `1385572${String(serial * 10 + i).padStart(4, '0')}`,
      institutionName: '宿州学院',
      title: 'associate-professor',
      fieldCodes: ['low-carbon-energy'],
      subFieldCodes: ['membrane-electrode'],
      expertise: '质子交换膜燃料电池膜电极制备与催化剂研究',
      preferredAreaCodes: ['yongqiao'],
    });
    await api.mutate('vp.candidates.apply', {
      callId: call.id,
      application: {
        institutionKind: 'university',
        employment: 'staff',
        achievements: '主持国家自然科学基金项目2项，发表膜电极相关论文20余篇，授权发明专利5项。',
      },
    });
  }
  await admin.mutate('vp.calls.advance', { callId: call.id, action: 'start-matching' });
  return { call, title, firms, researchers };
}
