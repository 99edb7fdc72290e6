import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

const routes: RouteRecordRaw[] = [
  {
    path: '/notices',
    meta: { title: '公示管理', order: 30, accessCodes: [ACCESS_CODES.noticeList] },
    children: [
      {
        path: '',
        name: 'Notices',
        component: () => import('../../../views/notices/index.vue'),
        meta: { title: '公示批次' },
      },
      {
        path: ':id',
        name: 'NoticeDetail',
        component: () => import('../../../views/notices/detail.vue'),
        meta: { title: '公示详情', hideInMenu: true },
      },
    ],
  },
];

export default routes;
