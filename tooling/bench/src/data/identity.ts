/**
 * Well-formed fictitious identities: 统一社会信用代码 and 身份证 numbers whose check characters
 * come from the domain kernel's own functions (never a second implementation), mobile numbers,
 * person and organisation names.
 */
import type { OrganisationType } from '@kc/db';
import type { AreaCode } from '@kc/domain';
import { AREAS, creditCodeCheckChar, residentIdCheckChar } from '@kc/domain';
import type { Rng } from './random';

/** GB 32100 charset without the check-only letters; the organisation code is drawn from it. */
const CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The registration division of an area: the county's, or the city's for city-run parks. */
export function divisionOf(areaCode: AreaCode): string {
  return AREAS.find((a) => a.code === areaCode)?.divisionCode ?? '341300';
}

/**
 * A credit code unique by `serial` (the 9-character organisation code encodes it, base 31),
 * salted by the run's seed so two `--append` runs with different seeds do not collide.
 */
export function creditCode(
  type: OrganisationType,
  areaCode: AreaCode,
  serial: number,
  salt: number,
): string {
  // 9 1 = 市场监管 / 企业; 1 2 = 机构编制 / 事业单位 (universities, public institutes).
  const head = type === 'UNIVERSITY' || type === 'INSTITUTE' ? '12' : '91';
  let n = serial + salt * 1_000_003;
  let org = '';
  for (let i = 0; i < 8; i++) {
    org = CODE_CHARSET[n % 31] + org;
    n = Math.floor(n / 31);
  }
  const first17 = `${head}${divisionOf(areaCode)}M${org}`;
  return first17 + creditCodeCheckChar(first17);
}

const ID_ADDRESS_CODES = ['341302', '341321', '341322', '341323', '341324', '340104', '320311'];

/** A resident ID for a birth date and sex; `serial` (0…999) keeps it unique per birth day. */
export function residentId(birthDate: string, sex: 'male' | 'female', rng: Rng): string {
  const seq = rng.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
  const first17 = `${rng.pick(ID_ADDRESS_CODES)}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export function mobile(rng: Rng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰萍红鹏辉建国志宏文斌浩宇晨欣怡子轩雨婷博俊峰凯琳雪梅立新海波晓东思远佳慧子涵梓睿';

export function personName(rng: Rng): string {
  const given = rng.chance(0.7)
    ? rng.pick([...GIVEN]) + rng.pick([...GIVEN])
    : rng.pick([...GIVEN]);
  return rng.pick([...SURNAMES]) + given;
}

const ORG_PLACES = [
  '宿州',
  '安徽',
  '皖北',
  '埇桥',
  '砀山',
  '萧县',
  '灵璧',
  '泗县',
  '汴河',
  '淮海',
  '宿马',
];
const ORG_CORES = [
  '氢能',
  '云智',
  '梨康',
  '新材',
  '北斗',
  '众创',
  '航天',
  '智造',
  '数联',
  '绿能',
  '科瑞',
  '华腾',
  '天工',
  '锐驰',
  '恒信',
  '中科',
  '启明',
  '安泰',
  '鼎新',
  '博远',
  '汇智',
  '蓝海',
  '金禾',
  '碳谷',
  '芯源',
  '农芯',
];
const FIRM_KINDS = [
  '新能源科技',
  '数据科技',
  '生物科技',
  '新材料',
  '智能装备',
  '信息技术',
  '电子科技',
  '农业科技',
  '医药科技',
  '航空科技',
];

/** A plausible name per type; `serial` keeps names apart (two firms rarely share a name). */
export function organisationName(type: OrganisationType, serial: number, rng: Rng): string {
  const place = rng.pick(ORG_PLACES);
  const core = rng.pick(ORG_CORES);
  switch (type) {
    case 'UNIVERSITY':
      return `${place}${core}学院（${serial}）`;
    case 'INSTITUTE':
      return `${place}${core}${rng.pick(['研究院', '技术研究所', '创新研究院'])}${serial}`;
    case 'INCUBATOR':
      return `${place}${core}科技企业孵化器有限公司${serial}`;
    default:
      return `${place}${core}${rng.pick(FIRM_KINDS)}有限公司${serial}`;
  }
}
