import { describe, expect, it } from 'vitest';
import { joinOrganisationSchema, memberNameFormSchema } from '@kc/domain';
import { pathErrors, toInput } from '../src/forms/form-values';
import { describeFields } from '../src/forms/schema-fields';

describe('the 加入单位 form, generated from the domain schema', () => {
  const fields = describeFields(joinOrganisationSchema);

  it('asks for the invitation code and the name colleagues will see', () => {
    expect(fields.map((f) => [f.name, f.kind, f.title, f.optional])).toEqual([
      ['code', 'text', '邀请码', false],
      ['name', 'text', '您的姓名', false],
    ]);
  });

  it('takes a scanned QR text or a code typed in lower case with spaces', () => {
    for (const code of ['SZKC-JOIN:ABCDEFGH', 'abcd efgh', 'ＡＢＣＤＥＦＧＨ']) {
      const { input } = toInput(fields, { code, name: '李经办' });
      const parsed = joinOrganisationSchema.safeParse(input);
      expect(parsed.success && parsed.data.code).toBe('ABCDEFGH');
    }
  });

  it('says what is wrong with a mistyped code under the field, before anything is sent', () => {
    const { input, problems } = toInput(fields, { code: 'ABCD0EFG', name: '李' });
    const parsed = joinOrganisationSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const errors = pathErrors(parsed.success ? [] : parsed.error.issues, problems);
    expect(errors.code).toBe('邀请码含有无效字符，请核对（不含数字0、1和字母I、L、O）');
    expect(errors.name).toBe('您的姓名至少2个字');
  });

  it('the members page asks for one’s name with the same rule', () => {
    expect(describeFields(memberNameFormSchema).map((f) => f.title)).toEqual(['您的姓名']);
  });
});
