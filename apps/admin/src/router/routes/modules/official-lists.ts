import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

/**
 * 官方名单导入 (history, import with preview) and 免申即享 (invitations by stage, which the
 * workbench panel's numbers open). Importing needs officialListImport; the pages check it.
 */
const routes: RouteRecordRaw[] = [
  {
    path: '/official-lists',
    meta: { title: '名单导入', order: 17, accessCodes: [ACCESS_CODES.officialListView] },
    children: [
      {
        path: '',
        name: 'OfficialLists',
        component: () => import('../../../views/official-lists/index.vue'),
        meta: { title: '官方名单导入' },
      },
      {
        path: 'imports/:id',
        name: 'OfficialListImport',
        component: () => import('../../../views/official-lists/detail.vue'),
        meta: { title: '名单导入详情', hideInMenu: true },
      },
      {
        path: 'exemptions',
        name: 'Exemptions',
        component: () => import('../../../views/official-lists/exemptions.vue'),
        meta: { title: '免申即享进度', accessCodes: [ACCESS_CODES.exemptionView] },
      },
    ],
  },
];

export default routes;
