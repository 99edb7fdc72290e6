import { z } from 'zod';

/**
 * zod's messages in Chinese, for every schema that does not give its own: the domain's, the API
 * routers' and the apps'. Installed as zod's locale when the domain is imported (below), so a
 * schema written without a message — or an empty / wrong-type / union case nobody thought of —
 * shows a sentence a person can act on instead of "Invalid input". A schema's own message still
 * wins; these are worded to stand under a field whose label the form already shows.
 */

type Issue = z.core.$ZodRawIssue;

function isBlank(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && !input.trim());
}

/** Formats the app's schemas use; any other says 格式不正确 (the mini-program pays for every byte). */
const FORMATS: Partial<Record<string, string>> = {
  date: '请填写有效的日期（年-月-日）',
  datetime: '请填写有效的日期和时间',
  uuid: '记录编号无效，请刷新后重试',
  guid: '记录编号无效，请刷新后重试',
};

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const min = Number(issue.minimum);
  switch (issue.origin) {
    case 'string':
      return min <= 1 ? '请填写此项' : `至少填写${min}个字`;
    case 'array':
    case 'set':
      return min <= 1 ? '请至少选择一项' : `至少选择${min}项`;
    case 'bigint':
      // Money is kept in fen; a number of fen would mislead, so no figure.
      return '金额过小';
    default:
      return issue.inclusive === false ? `须大于${min}` : `不能小于${min}`;
  }
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const max = Number(issue.maximum);
  switch (issue.origin) {
    case 'string':
      return `不能超过${max}个字`;
    case 'array':
    case 'set':
      return `最多选择${max}项`;
    case 'bigint':
      return '金额超出允许范围';
    default:
      return issue.inclusive === false ? `须小于${max}` : `不能大于${max}`;
  }
}

function invalidType(issue: Extract<Issue, { code: 'invalid_type' }>): string {
  if (isBlank(issue.input)) return '请填写此项';
  switch (issue.expected) {
    case 'number':
      return '请填写数字';
    case 'int':
      return '请填写整数';
    case 'bigint':
      return '请填写金额';
    case 'boolean':
      return '请选择是或否';
    case 'array':
      return '请选择';
    default:
      return '填写的内容格式不正确';
  }
}

/** The message of the option that got furthest (a real check, not "wrong type"), if any. */
function unionMessage(issue: Extract<Issue, { code: 'invalid_union' }>): string {
  if (isBlank(issue.input)) return '请填写此项';
  const nested = (issue.errors ?? []).flat();
  const telling = nested.find((i) => i.code !== 'invalid_type' && i.code !== 'invalid_value');
  return telling?.message ?? '填写的内容不符合要求';
}

/** zod issue → Chinese message. */
export function chineseZodError(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return FORMATS[issue.format] ?? '格式不正确';
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? '请填写整数' : `须为${String(issue.divisor)}的整数倍`;
    case 'invalid_value':
      return isBlank(issue.input) ? '请选择此项' : '请从给出的选项中选择';
    case 'invalid_union':
      return unionMessage(issue);
    case 'unrecognized_keys':
      return '提交的内容含有多余的项目，请刷新后重试';
    default:
      return isBlank(issue.input) ? '请填写此项' : '填写的内容不符合要求';
  }
}

z.config({ localeError: chineseZodError });
