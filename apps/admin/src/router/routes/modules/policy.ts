import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

/**
 * 政策管理: the policy text as the bureau puts it before the public. 征求意见 (issue 15) is the
 * bureau's (局管理员 publishes, both bureau roles answer the comments); area officers and finance
 * do not see it, as the server refuses them. 政策修订 (issue 15) likewise: both bureau roles read
 * the versions, only 局管理员 propose and adopt them.
 */
const routes: RouteRecordRaw[] = [
  {
    path: '/policy',
    meta: { title: '政策管理', order: 35 },
    redirect: '/consultations',
    children: [
      {
        path: '/consultations',
        name: 'Consultations',
        component: () => import('../../../views/consultations/index.vue'),
        meta: { title: '征求意见', accessCodes: [ACCESS_CODES.consultationView] },
      },
      {
        path: '/consultations/:id',
        name: 'Consultation',
        component: () => import('../../../views/consultations/detail.vue'),
        meta: {
          title: '征求意见详情',
          hideInMenu: true,
          accessCodes: [ACCESS_CODES.consultationView],
        },
      },
      {
        path: '/policy-versions',
        name: 'PolicyVersions',
        component: () => import('../../../views/policy-versions/index.vue'),
        meta: { title: '政策修订', accessCodes: [ACCESS_CODES.policyVersionView] },
      },
      {
        path: '/policy-versions/:id',
        name: 'PolicyVersion',
        component: () => import('../../../views/policy-versions/detail.vue'),
        meta: {
          title: '政策修订详情',
          hideInMenu: true,
          accessCodes: [ACCESS_CODES.policyVersionView],
        },
      },
    ],
  },
];

export default routes;
