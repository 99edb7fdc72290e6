import type { RouteRecordRaw } from 'vue-router';

/** 我的账号: every officer's own password, second factor and sessions (from the header). */
const routes: RouteRecordRaw[] = [
  {
    path: '/account',
    name: 'Account',
    component: () => import('../../../views/account/index.vue'),
    meta: { title: '我的账号', order: 100, hideInMenu: true },
  },
];

export default routes;
