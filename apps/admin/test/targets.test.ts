import { describe, expect, it } from 'vitest';
import { byAreaOption, byYearOption, progressOption } from '../src/views/targets/charts/options';
import { targetSheets } from '../src/views/targets/export-sheets';
import type { TargetsReport } from '../src/views/targets/queries';
import { verifiedLine } from '../src/views/targets/verified-line';
import { buildWorkbook } from '../src/views/targets/xlsx/workbook';
import { crc32, zipStored } from '../src/views/targets/xlsx/zip';

const report = {
  targetYear: 2030,
  asOf: '2026-11-27',
  areaCode: null,
  areaName: '全市',
  targets: [
    {
      id: 'high-tech-enterprises',
      name: '未来产业链高新技术企业',
      text: '引育未来产业链高新技术企业50家左右',
      figure: 50,
      comparison: 'about',
      unit: '家',
      howMeasured: '已核验的单位',
      measured: true,
      notMeasuredReason: null,
      value: 12,
      percent: 24,
      reached: false,
      byYear: [{ year: 2026, value: 3 }],
      byArea: [
        { areaCode: 'yongqiao', areaName: '埇桥区', value: 8 },
        { areaCode: 'dangshan', areaName: '砀山县', value: 4 },
      ],
      breakdown: { verified: 10, withAward: 3 },
      selfDeclared: 5,
    },
    {
      id: 'industry-scale',
      name: '未来产业规模',
      text: '产业规模突破200亿元',
      figure: 200,
      comparison: 'over',
      unit: '亿元',
      howMeasured: '暂不统计',
      measured: false,
      notMeasuredReason: '本平台不采集企业营业收入或产值',
      value: null,
      percent: null,
      reached: null,
      byYear: null,
      byArea: null,
      breakdown: null,
      selfDeclared: null,
    },
  ],
  moneyPaid: {
    totalFen: 123_456_789n,
    byYear: [{ year: 2026, paidFen: 123_456_789n }],
    byArea: [{ areaCode: 'yongqiao', areaName: '埇桥区', paidFen: 123_456_789n }],
  },
} as unknown as TargetsReport;

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('2030 targets charts', () => {
  it('draws only measured targets, with their per cent of the 2030 figure', () => {
    const option = progressOption(report) as {
      xAxis: { max: number };
      yAxis: { data: string[] };
      series: { data: number[] }[];
    };
    expect(option.yAxis.data).toEqual(['未来产业链高新技术企业']);
    expect(option.series[0]?.data).toEqual([24]);
    expect(option.xAxis.max).toBe(100);
  });

  it('splits each target per year and per county/park', () => {
    const years = byYearOption(report) as {
      xAxis: { data: string[] };
      series: { data: number[] }[];
    };
    expect(years.xAxis.data).toEqual(['2026年']);
    expect(years.series[0]?.data).toEqual([3]);
    const areas = byAreaOption(report) as {
      yAxis: { data: string[] };
      series: { data: number[] }[];
    };
    expect(areas.yAxis.data).toEqual(['砀山县', '埇桥区']);
    expect(areas.series[0]?.data).toEqual([4, 8]);
  });
});

describe('xlsx export', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes a ZIP whose central directory lists every entry at its offset', () => {
    const zip = zipStored([
      { name: 'a.txt', data: new TextEncoder().encode('甲') },
      { name: 'b.txt', data: new TextEncoder().encode('乙丙') },
    ]);
    const view = new DataView(zip.buffer);
    const end = zip.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    expect(view.getUint16(end + 10, true)).toBe(2);
    const centralAt = view.getUint32(end + 16, true);
    expect(view.getUint32(centralAt, true)).toBe(0x02014b50);
    const secondLocal = view.getUint32(centralAt + 46 + 5 + 42, true);
    expect(view.getUint32(secondLocal, true)).toBe(0x04034b50);
    expect(text(zip.slice(secondLocal + 30 + 5, secondLocal + 30 + 5 + 6))).toBe('乙丙');
  });

  it('puts targets, years, areas and money (as yuan numbers) in four sheets', () => {
    const sheets = targetSheets(report);
    expect(sheets.map((s) => s.name)).toEqual(['目标进度', '分年度', '分县区园区', '资金拨付']);
    expect(sheets[0]?.rows[2]).toContain('暂不统计');
    // Verified organisations counted; what they only declared shown apart.
    expect(sheets[0]?.rows[0]?.slice(4, 6)).toEqual([
      '当前值（全市，已核验）',
      '自报未核验（不计入）',
    ]);
    expect(sheets[0]?.rows[1]?.slice(4, 6)).toEqual([12, 5]);
    expect(sheets[3]?.rows[1]).toEqual(['合计', '全市', { yuan: 1_234_567.89 }, '¥1,234,567.89']);

    const workbook = text(buildWorkbook(sheets));
    expect(workbook).toContain('<sheet name="资金拨付" sheetId="4" r:id="rId4"/>');
    expect(workbook).toContain('<c r="C2" s="1"><v>1234567.89</v></c>');
    expect(workbook).toContain('未来产业链高新技术企业');
  });
});

describe('verified and self-declared organisations', () => {
  it('says how many are verified, and how many only declared it themselves', () => {
    const [hte, scale] = report.targets;
    expect(verifiedLine(hte!)).toBe('已核验 12 家（另有自报未核验 5 家）');
    expect(verifiedLine({ ...hte!, selfDeclared: 0 })).toBe('已核验 12 家');
    expect(verifiedLine(scale!)).toBeNull();
  });
});
