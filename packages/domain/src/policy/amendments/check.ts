import type { PolicySet } from '../types';
import { parameterSpecs } from './parameters';
import type { AmendmentProblem } from './problems';
import type { PolicyAmendment } from './schema';
import { policyAmendmentSchema } from './schema';
import type { ParameterSpec } from './spec';
import type { ParameterValue } from './values';
import { decodeValue, showValue } from './values';

/** One change of an amendment, read and checked against the base version. */
export interface CheckedChange {
  readonly spec: ParameterSpec;
  readonly from: ParameterValue;
  readonly to: ParameterValue;
}

export type AmendmentCheck =
  | {
      readonly ok: true;
      readonly amendment: PolicyAmendment;
      /** In the order of `amendableParameters`, whatever order the JSON had. */
      readonly changes: readonly CheckedChange[];
    }
  | { readonly ok: false; readonly problems: readonly AmendmentProblem[] };

/**
 * Reads an amendment (JSON, from a form or the database) against the version it amends. Collects
 * every problem, one per field, so the form can show them all at once.
 */
export function checkAmendment(base: PolicySet, input: unknown): AmendmentCheck {
  const parsed = policyAmendmentSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        code: 'INVALID_INPUT',
        field: issue.path.map(String).join('.') || '_form',
        message: issue.message,
      })),
    };
  }
  const amendment = parsed.data;
  const problems: AmendmentProblem[] = [];
  if (amendment.baseId !== base.id) {
    problems.push({
      code: 'BASE_VERSION_MISMATCH',
      field: 'baseId',
      message: `修订依据的是政策版本 ${amendment.baseId}，不是 ${base.id}`,
    });
  }
  if (amendment.id === base.id) {
    problems.push({
      code: 'VERSION_ID_TAKEN',
      field: 'id',
      message: `新版本编号不能与原版本相同（${base.id}）`,
    });
  }

  const specs = parameterSpecs(base);
  const [dateSpec] = specs;
  if (dateSpec && !decodeValue(dateSpec.shape, amendment.effectiveFrom).ok) {
    problems.push({
      code: 'EFFECTIVE_FROM_NOT_AFTER_BASE',
      field: 'effectiveFrom',
      message: `施行日期 ${amendment.effectiveFrom} 须晚于原版本 ${base.id} 的施行日期 ${base.effectiveFrom}`,
    });
  }

  const byKey = new Map(specs.map((s) => [s.key, s]));
  const found = new Map<ParameterSpec, ParameterValue>();
  for (const [key, json] of Object.entries(amendment.changes)) {
    const field = `changes.${key}`;
    const spec = byKey.get(key);
    if (!spec?.apply) {
      problems.push({
        code: 'UNKNOWN_PARAMETER',
        field,
        message: spec
          ? `${spec.label}写在“施行日期”（effectiveFrom）一栏，不作为修订项`
          : `政策版本 ${base.id} 没有可修订项“${key}”`,
      });
      continue;
    }
    const decoded = decodeValue(spec.shape, json);
    if (!decoded.ok) {
      problems.push({ code: decoded.code, field, message: `${spec.label}：${decoded.message}` });
    } else if (decoded.value === spec.value) {
      problems.push({
        code: 'NO_CHANGE',
        field,
        message: `${spec.label}修订后仍为 ${showValue(spec.shape, spec.value)}，与原值相同`,
      });
    } else {
      found.set(spec, decoded.value);
    }
  }
  if (Object.keys(amendment.changes).length === 0) {
    problems.push({ code: 'NO_CHANGES', field: 'changes', message: '修订没有改变任何数额或设置' });
  }

  // Events covered only from a date after the version starts would strand that version's own
  // applications between the two dates.
  const covered = [...found].find(([s]) => s.key === 'settings.coveredEventsFrom');
  if (covered && String(covered[1]) > amendment.effectiveFrom) {
    problems.push({
      code: 'VALUE_OUT_OF_BOUNDS',
      field: 'changes.settings.coveredEventsFrom',
      message: `政策覆盖起始日 ${String(covered[1])} 不能晚于施行日期 ${amendment.effectiveFrom}`,
    });
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    amendment,
    changes: specs
      .filter((s) => found.has(s))
      .map((spec) => ({ spec, from: spec.value, to: found.get(spec) as ParameterValue })),
  };
}
