import type { AreaCode } from '../reference/areas';
import { AREAS } from '../reference/areas';

/**
 * Where a unified social credit code was registered: characters 3–8 are the administrative
 * division (GB/T 2260) of the registering authority. The code never changes, also when an
 * organisation moves, so a mismatch with the area chosen is flagged for the officer, never refused
 * (branches and relocations exist).
 */

/** 宿州市 itself (registered with the city authority) and its districts and counties. */
const SUZHOU_DIVISIONS: Record<string, string> = {
  '341300': '宿州市',
  '341302': '埇桥区',
  '341321': '砀山县',
  '341322': '萧县',
  '341323': '灵璧县',
  '341324': '泗县',
};

/** Provinces by the first two digits, to name where a code from outside the city comes from. */
const PROVINCES: Record<string, string> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

export const REGISTRATION_FLAGS = [
  { code: 'outside-city', name: '市外注册' },
  { code: 'division-mismatch', name: '登记地与所选县区不一致' },
] as const;
export type RegistrationFlag = (typeof REGISTRATION_FLAGS)[number]['code'];

export function registrationFlagName(code: string): string {
  return REGISTRATION_FLAGS.find((f) => f.code === code)?.name ?? '需核实';
}

/** The division of a (valid, normalised) credit code, and a Chinese name for it where known. */
export function registrationDivision(creditCode: string): { code: string; name: string } {
  const code = creditCode.slice(2, 8);
  const name =
    SUZHOU_DIVISIONS[code] ??
    (code.startsWith('3413') ? '宿州市' : (PROVINCES[code.slice(0, 2)] ?? `行政区划${code}`));
  return { code, name };
}

export interface RegistrationCheck {
  flags: RegistrationFlag[];
  /** One sentence per flag, for the officer (and the applicant's own view). */
  notes: string[];
}

/**
 * What the credit code says against the area chosen. Codes registered with the city authority
 * (341300) fit every area; parks have no division of their own, so any Suzhou code fits them.
 */
export function checkRegistrationArea(creditCode: string, areaCode: AreaCode): RegistrationCheck {
  const division = registrationDivision(creditCode);
  if (!division.code.startsWith('3413')) {
    return {
      flags: ['outside-city'],
      notes: [
        `统一社会信用代码登记地为${division.name}（${division.code}），属市外注册，请核实在宿经营情况`,
      ],
    };
  }
  const area = AREAS.find((a) => a.code === areaCode);
  if (area?.divisionCode && division.code !== '341300' && division.code !== area.divisionCode) {
    return {
      flags: ['division-mismatch'],
      notes: [
        `统一社会信用代码登记地为${division.name}，所选县区为${area.name}，请核实是否迁址或设有分支机构`,
      ],
    };
  }
  return { flags: [], notes: [] };
}
