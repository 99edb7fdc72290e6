import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

/**
 * 评选与立项 (issue 14): the selection calls (申报指南) with their submissions' formal check, the
 * projects concluded key-project calls made (项目管理, their 任务书), the need board's queue
 * (需求征集), the innovation alliances lead firms register (创新联盟, 方案四.4), and the expert
 * pool the review panels are drawn from. Calls, projects, needs and alliances are every case
 * worker's (area officers see their own area's; editing a 任务书 is the bureau's);
 * the pool is the city's, kept by the bureau's roles.
 * Finance sees none of them.
 */
const routes: RouteRecordRaw[] = [
  {
    path: '/selection',
    meta: { title: '评选与立项', order: 25 },
    // The entry every case worker may open (area officers cannot open 专家库).
    redirect: '/selection/calls',
    children: [
      {
        path: 'calls',
        name: 'SelectionCalls',
        component: () => import('../../../views/selection-calls/index.vue'),
        meta: { title: '申报指南', accessCodes: [ACCESS_CODES.selectionCallList] },
      },
      {
        path: 'calls/:id',
        name: 'SelectionCall',
        component: () => import('../../../views/selection-calls/detail.vue'),
        meta: {
          title: '申报指南详情',
          hideInMenu: true,
          accessCodes: [ACCESS_CODES.selectionCallList],
        },
      },
      {
        path: 'projects',
        name: 'SelectionProjects',
        component: () => import('../../../views/projects/index.vue'),
        meta: { title: '项目管理', accessCodes: [ACCESS_CODES.selectionCallList] },
      },
      {
        path: 'projects/:id',
        name: 'SelectionProject',
        component: () => import('../../../views/projects/detail.vue'),
        meta: {
          title: '项目详情',
          hideInMenu: true,
          accessCodes: [ACCESS_CODES.selectionCallList],
        },
      },
      {
        path: 'needs',
        name: 'SelectionNeeds',
        component: () => import('../../../views/needs/index.vue'),
        meta: { title: '需求征集', accessCodes: [ACCESS_CODES.needCurate] },
      },
      {
        path: 'alliances',
        name: 'SelectionAlliances',
        component: () => import('../../../views/alliances/index.vue'),
        meta: { title: '创新联盟', accessCodes: [ACCESS_CODES.allianceDecide] },
      },
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
