import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ListColumn } from '../src/composables/use-list-page';
import { applicationColumns } from '../src/views/applications/data';
import { columns as auditColumns } from '../src/views/audit/data';
import { batchColumns } from '../src/views/disbursements/components/batch-data';
import { columns as expertColumns } from '../src/views/experts/data';
import { ledgerColumns } from '../src/views/disbursements/ledger-data';
import { columns as allianceColumns } from '../src/views/alliances/data';
import { columns as needColumns } from '../src/views/needs/data';
import { columns as noticeColumns } from '../src/views/notices/data';
import { organisationColumns } from '../src/views/organisations/data';
import { columns as projectColumns } from '../src/views/projects/data';
import { columns as researcherColumns } from '../src/views/researchers/data';
import {
  columns as selectionCallColumns,
  submissionColumns,
} from '../src/views/selection-calls/data';
import { TRUST_TABLES } from '../src/views/trust/data';

/**
 * Officers' screens are 1440×900 (issue 11: columns were cut off there). Element Plus gives a
 * table's columns their `width` / `min-width` and scrolls sideways when they add up to more than
 * the table has, so each list's columns must add up to no more than its room:
 * 1440 − side menu 220 − page padding 40 − card padding 40 − borders 2 − scrollbar 15 = 1123 px;
 * the new-notice dialog's picker: dialog 900 − padding 32 − form labels 100 = 768 px.
 * The browser flow admin-layout.e2e.ts checks the same screens in Chromium.
 */
const PAGE_ROOM = 1123;
const TABLES = [
  { file: '../src/views/officers/index.vue', room: PAGE_ROOM },
  { file: '../src/views/selection-calls/results-section.vue', room: PAGE_ROOM },
  { file: '../src/views/selection-calls/decision-editor.vue', room: PAGE_ROOM },
  { file: '../src/views/selection-calls/decision-record.vue', room: PAGE_ROOM },
  { file: '../src/views/notices/components/approved-picker.vue', room: 768 },
];

/** `{ label, width }` of each `<el-table-column>` in a component's template. */
function columnsOf(file: string) {
  const source = readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8');
  return [...source.matchAll(/<el-table-column\b([^>]*)>/g)].map(([, attrs = '']) => {
    const attr = (name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];
    return {
      label: attr('label') ?? attr('type') ?? '?',
      width: Number(attr('width') ?? attr('min-width') ?? 80),
    };
  });
}

describe('list columns fit a 1440 px screen', () => {
  it.each(TABLES)('$file: the columns add up to the room the table has', ({ file, room }) => {
    const columns = columnsOf(file);
    expect(columns.length).toBeGreaterThan(3);
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    expect(total, columns.map((c) => `${c.label} ${c.width}`).join(', ')).toBeLessThanOrEqual(room);
  });
});

/** Lists declared as data for `<list-page>` (selection and expand columns as Element Plus draws them). */
const LISTS: { name: string; columns: readonly ListColumn<never>[] }[] = [
  { name: '奖补申请', columns: [{ type: 'selection', width: 44 }, ...applicationColumns] },
  { name: '审计日志', columns: auditColumns },
  { name: '资金台账', columns: ledgerColumns },
  { name: '拨付批次', columns: batchColumns },
  { name: '公示批次', columns: noticeColumns },
  { name: '单位库', columns: organisationColumns },
  { name: '人才库', columns: researcherColumns },
  { name: '专家库', columns: expertColumns },
  { name: '申报指南', columns: selectionCallColumns },
  { name: '需求征集', columns: needColumns },
  { name: '创新联盟', columns: allianceColumns },
  { name: '项目管理', columns: projectColumns },
  // In a card of the call's page: the same room as a list page's table.
  { name: '申报指南的申报', columns: submissionColumns },
  ...Object.entries(TRUST_TABLES).map(([tab, t]) => ({
    name: `认证审核 ${tab}`,
    columns: t.columns,
  })),
];

describe('list pages fit a 1440 px screen', () => {
  it.each(LISTS)('$name: the columns add up to the room the table has', ({ columns }) => {
    const widths = columns.map((c) => c.width ?? c.minWidth ?? (c.type === 'expand' ? 48 : 80));
    const total = widths.reduce((sum, w) => sum + w, 0);
    expect(
      total,
      columns.map((c, i) => `${c.label ?? c.type} ${widths[i]}`).join(', '),
    ).toBeLessThanOrEqual(PAGE_ROOM);
  });
});
