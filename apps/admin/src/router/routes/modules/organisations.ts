import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

const routes: RouteRecordRaw[] = [
  {
    path: '/organisations',
    meta: { title: '创新主体', order: 10, accessCodes: [ACCESS_CODES.organisationList] },
    children: [
      {
        path: '',
        name: 'Organisations',
        component: () => import('../../../views/organisations/index.vue'),
        meta: { title: '机构库' },
      },
    ],
  },
];

export default routes;
