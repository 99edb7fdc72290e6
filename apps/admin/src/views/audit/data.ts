import { AUDIT_OBJECT_TYPES } from '@kc/domain';
import type { RouterOutputs } from '../../api/types';
import type { FilterField, ListColumn } from '../../composables/use-list-page';
import { formatDateTime } from '../../utils/date';

type AuditEntry = RouterOutputs['audit']['search']['items'][number];

/** Groups of actions by prefix, for the filter; any other prefix may be typed. */
const ACTION_GROUPS = [
  { value: 'auth.', label: '登录与退出' },
  { value: 'application.', label: '申请受理审核' },
  { value: 'notice.', label: '公示' },
  { value: 'budget.', label: '预算' },
  { value: 'disbursement.', label: '拨付' },
  { value: 'vp.', label: '科技副总' },
  { value: 'officer.', label: '账号管理' },
  { value: 'organisation.reveal', label: '查看机构完整电话' },
  { value: 'researcher.reveal', label: '查看人才完整手机' },
  { value: 'file.', label: '材料下载' },
];

export const filters = [
  {
    kind: 'input',
    name: 'actor',
    label: '操作人',
    placeholder: '用户名或姓名',
    testId: 'audit-actor',
    width: 150,
  },
  {
    kind: 'select',
    name: 'action',
    label: '操作',
    placeholder: '全部',
    allowCreate: true,
    testId: 'audit-action',
    width: 180,
    options: ACTION_GROUPS,
  },
  {
    kind: 'select',
    name: 'objectType',
    label: '对象',
    placeholder: '全部类型',
    filterable: true,
    testId: 'audit-object-type',
    width: 150,
    options: AUDIT_OBJECT_TYPES.map((t) => ({ label: t.name, value: t.code })),
  },
  {
    kind: 'input',
    name: 'objectId',
    label: '对象编号',
    placeholder: '申请编号、批次编号等',
    testId: 'audit-object-id',
    width: 220,
  },
  { kind: 'date-range', name: 'from', to: 'to', label: '日期', width: 260 },
] as const satisfies readonly FilterField[];

export const columns: readonly ListColumn<AuditEntry>[] = [
  { type: 'expand', slot: 'details' },
  { label: '时间', width: 150, format: (row) => formatDateTime(row.at) },
  { label: '操作人', minWidth: 200, slot: 'actor' },
  { label: '操作', minWidth: 180, slot: 'action' },
  { label: '对象', minWidth: 240, ellipsis: true, slot: 'object' },
  { label: '地区', width: 150, format: (row) => row.areaName ?? '—' },
  { label: 'IP', prop: 'ip', width: 130 },
];
