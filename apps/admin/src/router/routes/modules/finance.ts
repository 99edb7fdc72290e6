import type { RouteRecordRaw } from 'vue-router';
import { ACCESS_CODES } from '../../../access/codes';

const routes: RouteRecordRaw[] = [
  // Short link used by the workbench's 待拨付 queue.
  { path: '/disbursements', redirect: '/finance/disbursements' },
  {
    path: '/finance',
    meta: { title: '资金管理', order: 40 },
    children: [
      {
        path: 'budgets',
        name: 'Budgets',
        component: () => import('../../../views/budgets/index.vue'),
        meta: { title: '年度预算', accessCodes: [ACCESS_CODES.budgetList] },
      },
      {
        path: 'disbursements',
        name: 'Disbursements',
        component: () => import('../../../views/disbursements/index.vue'),
        meta: { title: '拨付批次', accessCodes: [ACCESS_CODES.disbursementList] },
      },
      {
        path: 'disbursements/:id',
        name: 'DisbursementDetail',
        component: () => import('../../../views/disbursements/detail.vue'),
        meta: {
          title: '拨付批次详情',
          hideInMenu: true,
          accessCodes: [ACCESS_CODES.disbursementList],
        },
      },
      {
        path: 'ledger',
        name: 'Ledger',
        component: () => import('../../../views/disbursements/ledger.vue'),
        meta: { title: '资金台账', accessCodes: [ACCESS_CODES.disbursementList] },
      },
    ],
  },
];

export default routes;
