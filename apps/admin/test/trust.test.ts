import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { accessCodesForRole } from '../src/access/codes';
import { trpc } from '../src/api/client';
import { buildMenus } from '../src/router/menu';
import { moduleRoutes } from '../src/router/routes';
import ClaimDetailView from '../src/views/trust/claim-detail.vue';
import TrustView from '../src/views/trust/index.vue';
import type {
  ClaimDetail,
  ClaimItem,
  VerificationDetail,
  VerificationItem,
} from '../src/views/trust/queries';
import VerificationDetailView from '../src/views/trust/verification-detail.vue';
import { apiError, officers } from './helpers';
import { more, mountAs } from './mount';

vi.mock('../src/api/client', () => {
  const queue = () => ({
    list: { query: vi.fn() },
    byId: { query: vi.fn() },
    decide: { mutate: vi.fn() },
  });
  return {
    trpc: {
      orgReview: { verifications: queue(), changes: queue(), claims: queue() },
    },
  };
});
// Files are fetched with the officer's token into object URLs; here they are simply there.
vi.mock('../src/composables/use-file-blob', () => ({
  downloadFile: vi.fn(),
  useFileObjectUrl: () => ({ url: ref('blob:licence'), error: ref(null), loading: ref(false) }),
}));

const review = vi.mocked(trpc.orgReview, true);

const licence = {
  id: 'f-1',
  originalName: '营业执照.jpg',
  mimeType: 'image/jpeg',
  sizeBytes: 2048,
};
const letter = {
  id: 'f-2',
  originalName: '授权委托书.pdf',
  mimeType: 'application/pdf',
  sizeBytes: 4096,
};

function verification(over: Partial<VerificationDetail> = {}): VerificationDetail {
  return {
    id: 'v-1',
    organisationId: 'o-1',
    status: 'pending',
    statusLabel: '待审核',
    licenceKind: 'business-licence',
    licenceKindLabel: '营业执照',
    licenceFile: licence,
    legalRepName: '陈晓东',
    actingRole: 'staff',
    actingRoleLabel: '单位员工（经授权）',
    authorisationFile: letter,
    snapshot: {
      name: '宿州京北科技有限公司',
      creditCode: '91110000100017643K',
      type: 'firm',
      typeLabel: '企业',
      areaCode: 'yongqiao',
      areaName: '埇桥区',
    },
    flags: [{ code: 'outside-city', name: '市外注册' }],
    registrationNotes: ['统一社会信用代码登记地为北京市（110000），属市外注册，请核实在宿经营情况'],
    decidedAt: null,
    decisionReason: null,
    createdAt: new Date('2026-11-27T02:00:00Z'),
    organisation: {
      id: 'o-1',
      name: '宿州京北科技有限公司',
      creditCode: '91110000100017643K',
      type: 'firm',
      areaCode: 'yongqiao',
      areaName: '埇桥区',
      verificationStatus: 'pending',
      contactName: '陈晓东',
      contactPhoneMasked: '139****0001',
    },
    history: [],
    conflictOfInterest: false,
    canDecide: true,
    ...over,
  } as VerificationDetail;
}

const dialog = () => document.querySelector('[data-testid="decision-dialog"]');
const click = async (testId: string) => {
  (document.querySelector(`[data-testid="${testId}"]`) as HTMLElement).click();
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 50));
};
const type = async (testId: string, value: string) => {
  const el = document.querySelector(`[data-testid="${testId}"]`) as HTMLElement;
  const input = (el.matches('textarea') ? el : el.querySelector('textarea')) as HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
};

beforeEach(() => {
  document.body.innerHTML = '';
  for (const q of Object.values(review)) {
    q.list.query.mockReset();
    q.byId.query.mockReset();
    q.decide.mutate.mockReset();
  }
});

describe('the verification screen', () => {
  it('opens on the pending 机构认证 queue of the officer’s own area, flags highlighted', async () => {
    review.verifications.list.query.mockResolvedValue({
      items: [verification() as unknown as VerificationItem],
      total: 1,
      page: 1,
      pageSize: 20,
    } as never);
    const { wrapper } = await mountAs(officers.yongqiao, TrustView, {
      path: '/verifications?tab=verifications&status=pending',
    });
    expect(review.verifications.list.query).toHaveBeenCalledWith({
      page: 1,
      pageSize: 20,
      status: 'pending',
    });
    const table = wrapper.get('[data-testid="verification-table"]');
    expect(table.text()).toContain('宿州京北科技有限公司');
    expect(table.text()).toContain('单位员工（经授权）');
    expect(table.get('[data-testid="flag-outside-city"]').text()).toBe('市外注册');
    expect(wrapper.get('[data-testid="filter-area"] input').attributes()).toHaveProperty(
      'disabled',
    );
    wrapper.unmount();
  });

  it('shows the claims queue on its tab, with phones masked', async () => {
    review.claims.list.query.mockResolvedValue({
      items: [
        {
          id: 'c-1',
          status: 'pending',
          statusLabel: '待审核',
          claimantName: '赵立新',
          claimantPhoneMasked: '139****1234',
          claimantRoleLabel: '法定代表人',
          createdAt: new Date('2026-11-27T02:00:00Z'),
          organisation: {
            name: '宿州云启智能科技有限公司',
            creditCode: '91341302MA0007001X',
            areaName: '埇桥区',
          },
        } as unknown as ClaimItem,
      ],
      total: 1,
      page: 1,
      pageSize: 20,
    } as never);
    const { wrapper } = await mountAs(officers.admin, TrustView, {
      path: '/verifications?tab=claims&status=pending',
    });
    expect(review.claims.list.query).toHaveBeenCalledWith({
      page: 1,
      pageSize: 20,
      status: 'pending',
    });
    expect(review.verifications.list.query).not.toHaveBeenCalled();
    const text = wrapper.get('[data-testid="claim-table"]').text();
    expect(text).toContain('赵立新（法定代表人）');
    expect(text).toContain('139****1234');
    wrapper.unmount();
  });

  it('is in the menu of officers who verify, and not of finance', () => {
    const titles = (role: string) =>
      JSON.stringify(buildMenus(moduleRoutes, accessCodesForRole(role)));
    for (const role of ['bureau-admin', 'bureau-reviewer', 'area-officer'])
      expect(titles(role)).toContain('认证与认领审核');
    expect(titles('finance-officer')).not.toContain('认证与认领审核');
  });
});

describe('a verification’s detail', () => {
  it('shows the flags, the licence as an image, the 授权委托书 as a PDF download', async () => {
    review.verifications.byId.query.mockResolvedValue(verification() as never);
    const { wrapper } = await mountAs(officers.yongqiao, VerificationDetailView, {
      path: '/verifications/verification/v-1',
    });
    expect(review.verifications.byId.query).toHaveBeenCalledWith({ id: 'v-1' });
    expect(wrapper.get('[data-testid="flags-alert"]').text()).toContain('属市外注册');
    const files = wrapper.findAll('[data-testid="licence-file"]');
    expect(files[0]!.find('[data-testid="licence-preview"]').exists()).toBe(true);
    expect(files[1]!.text()).toContain('授权委托书.pdf');
    expect(files[1]!.find('[data-testid="licence-preview"]').exists()).toBe(false);
    expect(files[1]!.get('[data-testid="licence-download"]').text()).toBe('下载查看');
    wrapper.unmount();
  });

  it('will not reject without a reason, and sends the reason it is given', async () => {
    review.verifications.byId.query.mockResolvedValue(verification() as never);
    review.verifications.decide.mutate.mockResolvedValue(
      verification({ status: 'rejected', canDecide: false }) as never,
    );
    const { wrapper } = await mountAs(officers.yongqiao, VerificationDetailView, {
      path: '/verifications/verification/v-1',
    });
    await click('decide-reject');
    expect(dialog()?.textContent).toContain('申请人将看到您填写的理由');
    await click('decision-confirm');
    expect(review.verifications.decide.mutate).not.toHaveBeenCalled();
    // The form item is marked (its message appears through a transition; checked end to end).
    expect(
      dialog()?.querySelector('.el-form-item.is-error .el-form-item__label')?.textContent,
    ).toBe('不予通过的理由（将告知申请人）');

    await type('decision-reason', '营业执照照片模糊，无法辨认');
    await click('decision-confirm');
    expect(review.verifications.decide.mutate).toHaveBeenCalledWith(
      { id: 'v-1', decision: 'reject', reason: '营业执照照片模糊，无法辨认' },
      { context: { silent: true } },
    );
    wrapper.unmount();
  });

  it('shows the server’s refusal in the dialog', async () => {
    review.verifications.byId.query.mockResolvedValue(verification() as never);
    review.verifications.decide.mutate.mockRejectedValue(
      apiError(
        'CONFLICT_OF_INTEREST',
        '您已申报与该单位存在利益冲突，须回避，不能办理该单位的审核事项',
      ),
    );
    const { wrapper } = await mountAs(officers.yongqiao, VerificationDetailView, {
      path: '/verifications/verification/v-1',
    });
    await click('decide-approve');
    await click('decision-confirm');
    expect(document.querySelector('[data-testid="decision-error"]')?.textContent).toContain(
      '须回避',
    );
    wrapper.unmount();
  });

  it('offers no decision to an officer with a conflict of interest', async () => {
    review.verifications.byId.query.mockResolvedValue(
      verification({ conflictOfInterest: true, canDecide: false }) as never,
    );
    const { wrapper } = await mountAs(more.reviewer, VerificationDetailView, {
      path: '/verifications/verification/v-1',
    });
    expect(wrapper.find('[data-testid="conflict-alert"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="decide-approve"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('a claim’s detail', () => {
  it('shows both sides: the claimant’s material and the organisation as it stands', async () => {
    const claimant = {
      id: 'c-1',
      status: 'pending',
      statusLabel: '待审核',
      claimantName: '赵立新',
      claimantPhoneMasked: '139****1234',
      claimantRole: 'legal-representative',
      claimantRoleLabel: '法定代表人',
      legalRepName: '赵立新',
      licenceKind: 'business-licence',
      licenceKindLabel: '营业执照',
      licenceFile: licence,
      authorityFile: null,
      statement: '公司账号系前员工私自注册，现申请收回管理权限。',
      areaCode: 'yongqiao',
      decidedAt: null,
      decisionReason: null,
      createdAt: new Date('2026-11-27T02:00:00Z'),
    };
    review.claims.byId.query.mockResolvedValue({
      claimant,
      organisation: {
        id: 'o-1',
        name: '宿州云启智能科技有限公司',
        creditCode: '91341302MA0007001X',
        type: 'firm',
        areaCode: 'yongqiao',
        areaName: '埇桥区',
        verificationStatus: 'verified',
        verificationStatusLabel: '已认证',
        verifiedAt: new Date('2026-11-20T02:00:00Z'),
        legalRepresentative: '陈晓东',
        contactName: '陈晓东',
        contactPhoneMasked: '139****0001',
        registeredAt: new Date('2026-11-01T02:00:00Z'),
        members: [
          {
            id: 'm-1',
            displayName: '微信用户',
            role: 'admin',
            roleLabel: '管理员',
            origin: 'registered',
            originLabel: '注册单位',
            joinedAt: new Date('2026-11-01T02:00:00Z'),
          },
        ],
        latestVerification: verification({ status: 'verified', statusLabel: '已通过' }),
      },
      otherClaims: [],
      status: 'pending',
      conflictOfInterest: false,
      canDecide: true,
    } as unknown as ClaimDetail);
    const { wrapper } = await mountAs(officers.yongqiao, ClaimDetailView, {
      path: '/verifications/claim/c-1',
    });
    const claimantSide = wrapper.get('[data-testid="claimant-side"]').text();
    expect(claimantSide).toContain('赵立新');
    expect(claimantSide).toContain('139****1234');
    expect(claimantSide).toContain('前员工私自注册');
    const holder = wrapper.get('[data-testid="holder-side"]').text();
    expect(holder).toContain('已认证');
    expect(holder).toContain('139****0001');
    expect(wrapper.get('[data-testid="holder-members"]').text()).toContain('管理员');
    expect(holder).toContain('法定代表人 陈晓东');

    await click('decide-approve');
    expect(dialog()?.textContent).toContain('现有的1名成员将全部退出');
    wrapper.unmount();
  });
});
