/**
 * The demo's sample lists (packages/db/demo/official-lists, made by make-samples.ts there).
 * Vite takes them into the admin's static build as assets (hashed, cached), so the page offers
 * the very files the demo imports, from one copy, without a procedure on the API.
 */
import highTechXlsx from '../../../../../packages/db/demo/official-lists/high-tech-enterprise.xlsx?url';
import highTechCsv from '../../../../../packages/db/demo/official-lists/high-tech-enterprise-gbk.csv?url';
import incubatorXlsx from '../../../../../packages/db/demo/official-lists/incubator.xlsx?url';
import rdPlatformXlsx from '../../../../../packages/db/demo/official-lists/rd-platform.xlsx?url';
import techSmeXlsx from '../../../../../packages/db/demo/official-lists/tech-sme.xlsx?url';
import type { OfficialListKind } from '@kc/domain';

export interface SampleList {
  kind: OfficialListKind;
  label: string;
  url: string;
  /** The name the browser saves it under. */
  filename: string;
}

export const SAMPLE_LISTS: readonly SampleList[] = [
  {
    kind: 'high-tech-enterprise',
    label: '高新技术企业认定名单（Excel）',
    url: highTechXlsx,
    filename: '样表-高新技术企业认定名单.xlsx',
  },
  {
    kind: 'high-tech-enterprise',
    label: '高新技术企业认定名单（CSV，GBK 编码）',
    url: highTechCsv,
    filename: '样表-高新技术企业认定名单.csv',
  },
  {
    kind: 'tech-sme',
    label: '科技型中小企业入库名单',
    url: techSmeXlsx,
    filename: '样表-科技型中小企业入库名单.xlsx',
  },
  {
    kind: 'rd-platform',
    label: '研发平台认定名单',
    url: rdPlatformXlsx,
    filename: '样表-研发平台认定名单.xlsx',
  },
  {
    kind: 'incubator',
    label: '科技企业孵化器认定名单',
    url: incubatorXlsx,
    filename: '样表-科技企业孵化器认定名单.xlsx',
  },
];
