import type { RouteRecordRaw } from 'vue-router';
import { coreRoutes, fallbackRoutes, HOME_PATH } from './core';

const modules = import.meta.glob<{ default: RouteRecordRaw[] }>('./modules/*.ts', { eager: true });

/** The signed-in areas, one file per area in ./modules, in menu order. */
export const moduleRoutes: RouteRecordRaw[] = Object.values(modules)
  .flatMap((m) => m.default)
  .sort((a, b) => (a.meta?.order ?? 0) - (b.meta?.order ?? 0));

export const routes: RouteRecordRaw[] = [
  ...coreRoutes,
  {
    path: '/',
    name: 'Root',
    component: () => import('../../layouts/basic.vue'),
    redirect: HOME_PATH,
    children: [
      ...moduleRoutes,
      {
        path: '/403',
        name: 'Forbidden',
        component: () => import('../../views/_core/forbidden.vue'),
        meta: { title: '无权访问', hideInMenu: true },
      },
    ],
  },
  ...fallbackRoutes,
];
