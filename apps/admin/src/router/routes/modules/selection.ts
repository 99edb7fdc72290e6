import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

/**
 * 评选与立项 (issue 14): the expert pool the review panels are drawn from. The pool is the
 * city's: the bureau's roles keep it (expert:list), area officers and finance do not.
 */
const routes: RouteRecordRaw[] = [
  {
    path: '/selection',
    meta: { title: '评选与立项', order: 25 },
    redirect: '/experts',
    children: [
      {
        path: '/experts',
        name: 'Experts',
        component: () => import('../../../views/experts/index.vue'),
        meta: { title: '专家库', accessCodes: [ACCESS_CODES.expertList] },
      },
    ],
  },
];

export default routes;
