import { codesOf, nameLookup } from './lookup';

/** Recognition levels of R&D platforms, incubators and academician workstations. */
export const PLATFORM_LEVELS = [
  { code: 'national', name: '国家级' },
  { code: 'provincial', name: '省级' },
  { code: 'city', name: '市级' },
] as const;

export type PlatformLevel = (typeof PLATFORM_LEVELS)[number]['code'];
export const PLATFORM_LEVEL_CODES = codesOf(PLATFORM_LEVELS);

/** Kinds of research platform named in clause 四.3. */
export const PLATFORM_KINDS = [
  { code: 'key-laboratory', name: '重点实验室' },
  { code: 'tech-innovation-centre', name: '技术创新中心' },
  { code: 'enterprise-rd-centre', name: '企业研发中心' },
  { code: 'engineering-research-centre', name: '工程研究中心' },
] as const;

export type PlatformKind = (typeof PLATFORM_KINDS)[number]['code'];

export const platformLevelName = nameLookup(PLATFORM_LEVELS);
