import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

const routes: RouteRecordRaw[] = [
  {
    path: '/targets',
    name: 'Targets',
    // ECharts is imported only inside this chunk (views/targets/charts/echarts.ts).
    component: () => import('../../../views/targets/index.vue'),
    meta: { title: '2030目标看板', order: 50, accessCodes: [ACCESS_CODES.targetsView] },
  },
];

export default routes;
