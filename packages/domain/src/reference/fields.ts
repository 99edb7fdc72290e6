import { codesOf, nameLookup } from './lookup';

/** The five future-industry fields of the plan (section 三) with the sub-fields it names. */
export const FIELDS = [
  {
    code: 'general-intelligence',
    name: '通用智能',
    subFields: [
      { code: 'computing-power', name: '算力' },
      { code: 'ai-manufacturing', name: '人工智能+智能制造' },
      { code: 'ai-agriculture', name: '人工智能+智慧农业' },
      { code: 'ai-city', name: '人工智能+智慧城市' },
      { code: 'ai-healthcare', name: '人工智能+智慧医疗' },
    ],
  },
  {
    code: 'aerospace-information',
    name: '空天信息',
    subFields: [
      { code: 'low-altitude-economy', name: '低空经济' },
      { code: 'flight-control', name: '智能飞控' },
      { code: 'autonomous-planning', name: '自主规划与决策' },
      { code: 'drones', name: '新一代无人机' },
      { code: 'evtol', name: '电动垂直起降航空器' },
    ],
  },
  {
    code: 'low-carbon-energy',
    name: '低碳能源',
    subFields: [
      { code: 'hydrogen-circulation-pump', name: '氢气循环泵' },
      { code: 'membrane-electrode', name: '膜电极' },
      { code: 'bipolar-plate', name: '双极板' },
      { code: 'catalyst', name: '高效催化剂' },
      { code: 'proton-exchange-membrane', name: '质子交换膜' },
      { code: 'hydrogen-control-system', name: '氢能控制系统' },
      { code: 'electrochemical-storage', name: '电化学储能' },
      { code: 'mechanical-storage', name: '机械储能' },
      { code: 'electromagnetic-storage', name: '电磁储能' },
    ],
  },
  {
    code: 'life-health',
    name: '生命健康',
    subFields: [
      { code: 'gene-editing', name: '基因编辑' },
      { code: 'metabolic-pathway', name: '代谢途径优化' },
      { code: 'biosynthesis', name: '生物合成' },
      { code: 'crop-breeding', name: '大豆及农作物育种' },
      { code: 'feed-additives', name: '功能性饲料添加剂' },
      { code: 'clinical-diagnosis', name: '临床诊疗技术' },
      { code: 'regenerative-medicine', name: '再生医学' },
      { code: 'tcm', name: '中药开发' },
      { code: 'functional-food', name: '功能食品' },
    ],
  },
  {
    code: 'advanced-materials',
    name: '先进材料',
    subFields: [
      { code: 'anti-corrosion-coating', name: '防腐蚀涂料' },
      { code: 'biomedical-materials', name: '生物医用材料' },
      { code: 'carbon-materials', name: '碳基材料' },
      { code: 'ablation-resistance', name: '超高温耐烧蚀' },
      { code: 'high-performance-friction', name: '高性能摩擦' },
      { code: 'structure-function', name: '结构功能一体化' },
      { code: 'stealth-materials', name: '隐身材料' },
      { code: 'lightweight-aerospace', name: '航空航天结构轻量化' },
      { code: 'thermal-protection', name: '防热隔热控温材料' },
      { code: 'friction-composites', name: '摩擦功能复合材料' },
      { code: 'carbon-fibre-composites', name: '碳纤维复合材料' },
      { code: 'optoelectromagnetic-composites', name: '光电磁功能复合材料' },
    ],
  },
] as const;

export type FieldCode = (typeof FIELDS)[number]['code'];
export type SubFieldCode = (typeof FIELDS)[number]['subFields'][number]['code'];

export const FIELD_CODES = codesOf(FIELDS);
export const SUB_FIELD_CODES = FIELDS.flatMap((f) =>
  f.subFields.map((s) => s.code),
) as unknown as readonly [SubFieldCode, ...SubFieldCode[]];

const subFieldByCode = new Map<string, { field: FieldCode; name: string }>(
  FIELDS.flatMap((f) => f.subFields.map((s) => [s.code, { field: f.code, name: s.name }] as const)),
);

export const fieldName = nameLookup(FIELDS);

export function subFieldName(code: string): string {
  return subFieldByCode.get(code)?.name ?? code;
}

/** The field a sub-field belongs to, or undefined for an unknown code. */
export function fieldOfSubField(code: string): FieldCode | undefined {
  return subFieldByCode.get(code)?.field;
}
