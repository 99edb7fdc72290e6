import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

/** 机构认证, 变更申请 and 认领申诉: the queue of each, and a detail page to decide one. */
const routes: RouteRecordRaw[] = [
  {
    path: '/verifications',
    meta: { title: '机构认证', order: 15, accessCodes: [ACCESS_CODES.organisationVerify] },
    children: [
      {
        path: '',
        name: 'Verifications',
        component: () => import('../../../views/trust/index.vue'),
        meta: { title: '认证与认领审核' },
      },
      {
        path: 'verification/:id',
        name: 'VerificationDetail',
        component: () => import('../../../views/trust/verification-detail.vue'),
        meta: { title: '机构认证详情', hideInMenu: true },
      },
      {
        path: 'change/:id',
        name: 'ChangeDetail',
        component: () => import('../../../views/trust/change-detail.vue'),
        meta: { title: '变更申请详情', hideInMenu: true },
      },
      {
        path: 'claim/:id',
        name: 'ClaimDetail',
        component: () => import('../../../views/trust/claim-detail.vue'),
        meta: { title: '认领申诉详情', hideInMenu: true },
      },
    ],
  },
];

export default routes;
