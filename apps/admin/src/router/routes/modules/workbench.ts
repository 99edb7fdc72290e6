import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

const routes: RouteRecordRaw[] = [
  {
    path: '/workbench',
    name: 'Workbench',
    component: () => import('../../../views/workbench/index.vue'),
    meta: { title: '工作台', order: -10, accessCodes: [ACCESS_CODES.workbench] },
  },
];

export default routes;
