import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

const routes: RouteRecordRaw[] = [
  {
    path: '/vice-president',
    meta: { title: '科技副总', order: 40, accessCodes: [ACCESS_CODES.vpList] },
    redirect: '/vice-president/calls',
    children: [
      {
        path: 'calls',
        name: 'VpCalls',
        component: () => import('../../../views/vice-president/calls/index.vue'),
        meta: { title: '选派批次' },
      },
      {
        path: 'calls/:callId',
        name: 'VpCall',
        component: () => import('../../../views/vice-president/call/index.vue'),
        meta: { title: '批次工作台', hideInMenu: true },
      },
      {
        path: 'secondments',
        name: 'VpSecondments',
        component: () => import('../../../views/vice-president/secondments/index.vue'),
        meta: { title: '履职管理' },
      },
    ],
  },
];

export default routes;
