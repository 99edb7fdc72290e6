import type { RouteRecordRaw } from 'vue-router';

export const LOGIN_PATH = '/login';
/** The workbench: an officer's queues, deadlines and recent activity. */
export const HOME_PATH = '/workbench';

/** Routes outside the signed-in layout. */
export const coreRoutes: RouteRecordRaw[] = [
  {
    path: LOGIN_PATH,
    name: 'Login',
    component: () => import('../../views/login/index.vue'),
    meta: { title: '登录', public: true },
  },
];

export const fallbackRoutes: RouteRecordRaw[] = [
  {
    path: '/:pathMatch(.*)*',
    name: 'NotFound',
    component: () => import('../../views/_core/not-found.vue'),
    meta: { title: '页面不存在', public: true },
  },
];
