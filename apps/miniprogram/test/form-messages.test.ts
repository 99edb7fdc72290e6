import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  bankAccountSchema,
  changeRequestSchema,
  claimSubmitSchema,
  invitationConfirmFormSchema,
  joinOrganisationSchema,
  memberNameFormSchema,
  organisationDocumentSchema,
  organisationProfileSchema,
  policySetFor,
  researcherProfileSchema,
  verificationSubmitSchema,
  vpCandidateSchema,
  vpNeedSchema,
  vpResultSchema,
  vpWorkLogSchema,
} from '@kc/domain';
import { issuesToFieldErrors } from '../src/forms/field-errors';
import { pathErrors, setAt, toInput } from '../src/forms/form-values';
import type { FieldSpec, FormValues } from '../src/forms/schema-fields';
import { describeFields, emptyValues } from '../src/forms/schema-fields';

/**
 * Every form of the mini-program, filled the way a person can fill it (typed text, chosen chips),
 * with bad values in each box in turn: every message under a field must be Chinese, never zod's
 * English ("Invalid input") or a bare code.
 */
const FORMS: [string, z.ZodType][] = [
  ['organisation profile', organisationProfileSchema],
  ['researcher profile', researcherProfileSchema],
  ['bank account', bankAccountSchema],
  ['change request', changeRequestSchema],
  ['claim', claimSubmitSchema],
  ['invitation confirm', invitationConfirmFormSchema],
  ['join', joinOrganisationSchema],
  ['member name', memberNameFormSchema],
  ['document', organisationDocumentSchema],
  ['verification', verificationSubmitSchema],
  ['vp candidate', vpCandidateSchema],
  ['vp need', vpNeedSchema],
  ['vp result', vpResultSchema],
  ['vp work log', vpWorkLogSchema],
  ...(policySetFor('2026-11-27')?.rules ?? []).map((rule): [string, z.ZodType] => [
    `rule ${rule.id}`,
    rule.inputSchema as z.ZodType,
  ]),
];

const TYPED = ['', ' ', 'x', 'ABC123', '9134130', '2099-13-45', '中'.repeat(5001), '-1', '1.5'];

function readable(message: string): boolean {
  return (
    /[\u4e00-\u9fff]/.test(message) && !/invalid|expected|received|too (big|small)/i.test(message)
  );
}

function messagesFor(schema: z.ZodType, fields: readonly FieldSpec[], values: FormValues) {
  const { input, problems } = toInput(fields, values);
  const result = schema.safeParse(input);
  const issues = result.success ? [] : result.error.issues;
  return [
    ...Object.values(pathErrors(issues, problems)),
    ...Object.values(issuesToFieldErrors(issues)),
  ].filter((m): m is string => typeof m === 'string');
}

describe('mini-program form messages', () => {
  it.each(FORMS)('%s: every message under a field is Chinese', (_name, schema) => {
    const fields = describeFields(schema);
    const leaks = new Set<string>();
    for (const f of fields) {
      const typed: FormValues['x'][] =
        f.kind === 'multi-choice' ? [[], ['bogus']] : f.kind === 'group-list' ? [[{}]] : TYPED;
      for (const value of typed) {
        for (const m of messagesFor(schema, fields, setAt(emptyValues(fields), f.name, value)))
          if (!readable(m)) leaks.add(`${f.name}=${JSON.stringify(value).slice(0, 20)}: ${m}`);
      }
    }
    expect([...leaks]).toEqual([]);
  });

  it('a researcher’s institution credit code typed wrong says why (issue 11, defect 3)', () => {
    const fields = describeFields(researcherProfileSchema);
    const values = setAt(emptyValues(fields), 'institutionCreditCode', '9134130');
    const result = researcherProfileSchema.safeParse(toInput(fields, values).input);
    expect(issuesToFieldErrors(result.error?.issues ?? []).institutionCreditCode).toBe(
      '统一社会信用代码应为18位，当前为7位',
    );
  });
});
