import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

const routes: RouteRecordRaw[] = [
  {
    path: '/applications',
    meta: { title: '奖补审核', order: 20, accessCodes: [ACCESS_CODES.applicationList] },
    children: [
      {
        path: '',
        name: 'Applications',
        component: () => import('../../../views/applications/index.vue'),
        meta: { title: '申请列表' },
      },
      {
        path: ':id',
        name: 'ApplicationDetail',
        component: () => import('../../../views/applications/detail.vue'),
        meta: { title: '申请详情', hideInMenu: true },
      },
    ],
  },
];

export default routes;
