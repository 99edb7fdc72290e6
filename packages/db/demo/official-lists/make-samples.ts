/**
 * Writes the demo's sample official lists (名单导入 样表) beside this file:
 *
 *   cd packages/db && npx tsx demo/official-lists/make-samples.ts
 *
 * Each list has rows that match demo organisations (src/seed.ts), a firm not on the platform,
 * and a bad row; the 高企 list also has a name conflict. The 高企 list comes twice: as .xlsx and
 * as a .csv in GBK (what Excel on Chinese Windows saves), the same rows, so importing the second
 * after the first shows every row unchanged. Expected outcomes are in README.md here.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const here = dirname(fileURLToPath(import.meta.url));

interface SampleList {
  file: string;
  /** The title row above the header, as official lists have one. */
  title: string;
  header: string[];
  rows: string[][];
}

// Tables read best one row a line.
// prettier-ignore
export const SAMPLE_LISTS: readonly SampleList[] = [
  {
    file: 'high-tech-enterprise',
    title: '2026年安徽省第一批认定高新技术企业名单（宿州市）',
    header: ['序号', '证书编号', '统一社会信用代码', '企业名称', '发证日期', '认定类型', '上一次证书编号'],
    rows: [
      // matched: first recognition → 免申即享 ¥200,000 (四.10)
      ['1', 'GR202634000101', '91341300MA2N8H4QXE', '安徽宿氢新能源科技有限公司', '2026-10-15', '首次认定', ''],
      // matched: re-recognition with the previous certificate → ¥100,000
      ['2', 'GR202634000102', '91341322MA2RB6T81F', '萧县新材陶瓷科技有限公司', '2026-10-15', '再次认定', 'GR202334000857'],
      // unmatched: not on the platform yet
      ['3', 'GR202634000103', '91341302MA2Q7W3K1N', '宿州皖北智能装备有限公司', '2026-10-15', '首次认定', ''],
      // conflict: the platform has 安徽宿马航天遥感科技有限公司 under this code
      ['4', 'GR202634000104', '91341300MA8U2E6W8T', '安徽宿马航天科技有限公司', '2026-10-15', '首次认定', ''],
      // invalid: short certificate number, no such date, unknown recognition type
      ['5', 'GR2026340001', '91341302MA2P3K7D51', '宿州云智数据科技有限公司', '2026-13-01', '认定', ''],
    ],
  },
  {
    file: 'tech-sme',
    title: '2026年第二批科技型中小企业入库名单（宿州市）',
    header: ['序号', '入库登记编号', '统一社会信用代码', '企业名称', '入库日期'],
    rows: [
      ['1', '2026341302A0001201', '91341302MA2P3K7D51', '宿州云智数据科技有限公司', '2026-05-20'],
      ['2', '2026341321A0001202', '91341321MA2MXC5135', '砀山梨康生物科技有限公司', '2026-05-20'],
      ['3', '2026341300A0001203', '91341300MA8U2E6W8T', '安徽宿马航天遥感科技有限公司', '2026-06-18'],
      ['4', '2026341302A0001204', '91341302MA8N2B6P4K', '宿州汴水生物科技有限公司', '2026-06-18'],
      // invalid: the check character of the credit code is wrong
      ['5', '2026341323A0001205', '91341323MA2X8L4M0A', '灵璧钟馗文创科技有限公司', '2026-06-18'],
    ],
  },
  {
    file: 'rd-platform',
    title: '2026年新认定研发平台名单（宿州市）',
    header: ['序号', '平台名称', '平台类别', '认定级别', '依托单位统一社会信用代码', '依托单位名称', '认定日期', '认定文号'],
    rows: [
      // matched: provincial → 免申即享 ¥400,000 (四.3)
      ['1', '安徽省先进碳纤维复合材料工程研究中心', '工程研究中心', '省级', '12341300MB1957066X', '宿州创新理工学院', '2026-09-30', '皖发改高技〔2026〕312号'],
      // matched: city level (verified qualification, no award)
      ['2', '宿州市北斗时空信息重点实验室', '重点实验室', '市级', '52341323MJB042170H', '皖北北斗时空信息研究院', '2026-09-12', '宿科〔2026〕58号'],
      ['3', '安徽省氢能装备技术创新中心', '技术创新中心', '省级', '91341300MA8R5T2H6B', '宿州氢途动力科技有限公司', '2026-09-30', '皖科〔2026〕77号'],
      // invalid: there is no district level
      ['4', '宿州市智能农机企业研发中心', '企业研发中心', '区级', '91341302MA2P3K7D51', '宿州云智数据科技有限公司', '2026-09-30', '宿科〔2026〕59号'],
    ],
  },
  {
    file: 'incubator',
    title: '2026年科技企业孵化器认定名单（宿州市）',
    header: ['序号', '孵化器名称', '认定级别', '运营单位统一社会信用代码', '运营单位名称', '认定日期', '认定文号'],
    rows: [
      // matched: provincial → 免申即享 ¥250,000 (四.9)
      ['1', '泗县众创科技企业孵化器', '省级', '91341324MA2T0L936Q', '泗县众创科技企业孵化器有限公司', '2026-08-18', '皖科高秘〔2026〕201号'],
      ['2', '宿州高新区未来产业孵化器', '市级', '91341300MA2U3C9D7D', '宿州高新科创发展有限公司', '2026-08-18', '宿科〔2026〕45号'],
      // invalid: 30 February
      ['3', '萧县陶瓷材料众创空间', '市级', '91341322MA2RB6T81F', '萧县新材陶瓷科技有限公司', '2026/02/30', '宿科〔2026〕46号'],
    ],
  },
];

async function writeXlsx(list: SampleList): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '宿州科创（样表）';
  // Fixed workbook dates: the sample does not say when it was generated.
  wb.created = wb.modified = new Date('2026-11-01T00:00:00Z');
  const ws = wb.addWorksheet('名单');
  ws.mergeCells(1, 1, 1, list.header.length);
  ws.getCell(1, 1).value = list.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getRow(2).values = list.header;
  ws.getRow(2).font = { bold: true };
  list.rows.forEach((row, i) => {
    const r = ws.getRow(3 + i);
    r.values = row.map((cell, c) => (c === 0 ? Number(cell) : cell));
    // Codes and dates as text, as the bureau's own lists keep them.
    for (let c = 2; c <= row.length; c++) ws.getCell(r.number, c).numFmt = '@';
  });
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 6 : 24));
  await wb.xlsx.writeFile(join(here, `${list.file}.xlsx`));
}

/** GBK bytes of a string, from the platform's own GBK decoder (Node has no GBK encoder). */
function gbkEncoder(): (text: string) => Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(Uint8Array.from([lead, trail]));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a GBK character
      }
    }
  }
  return (text) =>
    Buffer.from(
      [...text].flatMap((ch) => {
        if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
        const bytes = table.get(ch);
        if (!bytes) throw new Error(`no GBK code for ${ch}`);
        return bytes;
      }),
    );
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function writeGbkCsv(list: SampleList): void {
  const lines = [
    [list.title, ...list.header.slice(1).map(() => '')],
    list.header,
    ...list.rows,
  ].map((row) => row.map(csvField).join(','));
  writeFileSync(join(here, `${list.file}-gbk.csv`), gbkEncoder()(`${lines.join('\r\n')}\r\n`));
}

for (const list of SAMPLE_LISTS) await writeXlsx(list);
const [highTech] = SAMPLE_LISTS;
if (highTech) writeGbkCsv(highTech);
console.log(`wrote ${SAMPLE_LISTS.length} .xlsx and 1 .csv to ${here}`);
