import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

/** 消息中心 (every officer, from the header's bell) and 我的导出 (linked from its messages). */
const routes: RouteRecordRaw[] = [
  {
    path: '/messages',
    name: 'Messages',
    component: () => import('../../../views/messages/index.vue'),
    meta: { title: '消息中心', order: 101, hideInMenu: true },
  },
  {
    path: '/exports',
    name: 'MyExports',
    component: () => import('../../../views/exports/index.vue'),
    meta: {
      title: '我的导出',
      order: 102,
      hideInMenu: true,
      accessCodes: [ACCESS_CODES.exportMine],
    },
  },
];

export default routes;
