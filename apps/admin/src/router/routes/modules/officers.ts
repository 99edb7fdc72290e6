import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

/**
 * 系统管理: accounts (局管理员), the audit log (局管理员, and area officers for their area) and
 * 后台任务 (局管理员).
 */
const routes: RouteRecordRaw[] = [
  {
    path: '/system',
    meta: { title: '系统管理', order: 90 },
    redirect: '/system/officers',
    children: [
      {
        path: 'officers',
        name: 'Officers',
        component: () => import('../../../views/officers/index.vue'),
        meta: { title: '人员账号', accessCodes: [ACCESS_CODES.officerManage] },
      },
      {
        path: 'audit',
        name: 'Audit',
        component: () => import('../../../views/audit/index.vue'),
        meta: { title: '审计日志', accessCodes: [ACCESS_CODES.auditView] },
      },
      {
        path: 'jobs',
        name: 'Jobs',
        component: () => import('../../../views/jobs/index.vue'),
        meta: { title: '后台任务', accessCodes: [ACCESS_CODES.jobsView] },
      },
    ],
  },
];

export default routes;
