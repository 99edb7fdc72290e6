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
      {
        // Researchers belong to no area: the bureau's roles only (researcher:list).
        path: '/researchers',
        name: 'Researchers',
        component: () => import('../../../views/researchers/index.vue'),
        meta: { title: '人才库', accessCodes: [ACCESS_CODES.researcherList] },
      },
    ],
  },
];

export default routes;
