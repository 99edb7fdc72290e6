import { RUN, uniqueCreditCode, uniqueResidentId } from './admin-b-data';
import type { Api, ApiUrls } from './api';
import { apiClient, applicantApi, applicantToken } from './api';
import { tinyPdf, uploadAs, verifyFirm } from './mp-data';

/**
 * A 科技副总 call of this run at the matching stage, made through the API as firms, researchers
 * and the bureau would: two 低碳能源 firms in 埇桥区 (verified by the area officer: only a
 * verified organisation posts needs) post one need each, two researchers apply.
 */
export async function callAtMatching(admin: Api, stack: ApiUrls, serial: number) {
  const title = `E2E科技副总批次${RUN}-${serial}`;
  const call = await admin.vp.calls.create.mutate({
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
    const openid = `e2e-b-firm-${RUN}-${serial}-${i}`;
    const token = await applicantToken(stack, openid);
    const api = apiClient(stack.apiUrl, token);
    await api.profile.saveOrganisation.mutate({
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
    await verifyFirm(stack, { openid, token, api }, 'yongqiao');
    await api.vp.needs.create.mutate({
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
  await admin.vp.calls.advance.mutate({ callId: call.id, action: 'open-applications' });

  const researchers = ['周', '吴'].map((surname, i) => ({
    name: `${surname}文博`,
    residentId: uniqueResidentId(serial * 10 + i),
    openid: `e2e-b-res-${RUN}-${serial}-${i}`,
  }));
  for (const [i, r] of researchers.entries()) {
    const api = await applicantApi(stack, r.openid);
    await api.profile.saveResearcher.mutate({
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
    await api.vp.candidates.apply.mutate({
      callId: call.id,
      application: {
        institutionKind: 'university',
        employment: 'staff',
        achievements: '主持国家自然科学基金项目2项，发表膜电极相关论文20余篇，授权发明专利5项。',
      },
    });
  }
  await admin.vp.calls.advance.mutate({ callId: call.id, action: 'start-matching' });
  return { call, title, firms, researchers };
}

/**
 * The researcher `openid` uploads the signed three-party agreement of their (pending)
 * secondment, as the mini-program does; returns that secondment.
 */
export async function signAgreement(stack: ApiUrls, openid: string) {
  const token = await applicantToken(stack, openid);
  const api = apiClient(stack.apiUrl, token);
  const [secondment] = await api.vp.secondments.mine.query();
  if (!secondment) throw new Error(`${openid} has no secondment`);
  const file = await uploadAs(stack.apiUrl, token, '三方协议.pdf', tinyPdf(openid));
  await api.vp.secondments.uploadAgreement.mutate({
    secondmentId: secondment.id,
    fileId: file.id,
  });
  return secondment;
}
