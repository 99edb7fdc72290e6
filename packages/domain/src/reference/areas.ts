import { codesOf, nameLookup } from './lookup';

/**
 * Counties/districts and city-run parks (市管园区) the bureau coordinates (plan 五.(一)).
 * Area officers see only their own area's records.
 * `divisionCode` is the national administrative division code (GB/T 2260) where one exists;
 * parks have none of their own and sit inside a district.
 */
export const AREAS = [
  { code: 'yongqiao', name: '埇桥区', kind: 'district', divisionCode: '341302' },
  { code: 'dangshan', name: '砀山县', kind: 'county', divisionCode: '341321' },
  { code: 'xiaoxian', name: '萧县', kind: 'county', divisionCode: '341322' },
  { code: 'lingbi', name: '灵璧县', kind: 'county', divisionCode: '341323' },
  { code: 'sixian', name: '泗县', kind: 'county', divisionCode: '341324' },
  { code: 'sz-etdz', name: '宿州经济技术开发区', kind: 'park', divisionCode: null },
  { code: 'sz-hitech', name: '宿州高新技术产业开发区', kind: 'park', divisionCode: null },
  { code: 'sz-maanshan', name: '宿州马鞍山现代产业园区', kind: 'park', divisionCode: null },
] as const;

export type AreaCode = (typeof AREAS)[number]['code'];
export type AreaKind = (typeof AREAS)[number]['kind'];

export const AREA_CODES = codesOf(AREAS);

export const AREA_KIND_LABELS: Record<AreaKind, string> = {
  district: '区',
  county: '县',
  park: '市管园区',
};

const nameOfArea = nameLookup(AREAS);
const areaCodes = new Set<string>(AREA_CODES);

/** An officer or record without an area covers the whole city. */
export function areaName(code: string | null | undefined): string {
  return code ? nameOfArea(code) : '全市';
}

export function isAreaCode(code: string): code is AreaCode {
  return areaCodes.has(code);
}
