import { z } from 'zod';
import { plainString } from '../../validate/safe-text';

/**
 * An amendment of a policy version, as data: stored as JSON in PostgreSQL and sent over tRPC, then
 * turned into a new version by `applyAmendment`. `changes` maps parameter keys (from
 * `amendableParameters`) to new values, written as the parameter's kind says: money as a string of
 * yuan (`"800000.00"`), basis points and whole numbers as integers, dates `YYYY-MM-DD`, a choice
 * by its option's value, `null` to remove (a yearly quota). Whether the keys and values fit the
 * base version is `checkAmendment`'s job: this schema only reads the shape.
 *
 * ```json
 * { "baseId": "suzhou-future-2026-draft", "id": "suzhou-future-2027-01", "version": "2027.1",
 *   "title": "提高技术成果转化补助上限", "effectiveFrom": "2027-01-01",
 *   "changes": { "rules.tech-transfer.formula.cap": "800000.00" } }
 * ```
 */
export const policyAmendmentSchema = z.strictObject(
  {
    baseId: plainString({ error: '请填写所依据的政策版本编号' })
      .trim()
      .min(1, '请填写所依据的政策版本编号'),
    id: plainString({ error: '请填写新版本编号' })
      .trim()
      .regex(
        /^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$/,
        '新版本编号只能用小写字母、数字和连字符（3 至 80 个字符），如 suzhou-future-2027-01',
      ),
    version: plainString({ error: '请填写新版本号' })
      .trim()
      .min(1, '请填写新版本号')
      .max(40, '版本号不能超过40个字'),
    title: plainString({ error: '请填写修订名称' })
      .trim()
      .min(2, '修订名称至少2个字')
      .max(100, '修订名称不能超过100个字'),
    effectiveFrom: z.iso.date({ error: '请填写有效的施行日期（格式：YYYY-MM-DD）' }),
    changes: z.record(
      plainString({ error: '修订项应为文字编号' }),
      z.union([plainString(), z.number(), z.boolean(), z.null()], {
        error: '修订值应为文字、数字、是否或空',
      }),
      { error: '请填写修订项' },
    ),
    notes: z
      .array(
        plainString({ error: '说明应为文字' })
          .trim()
          .min(1, '说明不能为空')
          .max(500, '每条说明不能超过500个字'),
        { error: '说明应为文字列表' },
      )
      .max(20, '说明最多20条')
      .optional(),
  },
  {
    // Strict: a misspelt field (`change`, `effectiveform`) is told, not silently dropped.
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `修订内容中有不认识的字段：${issue.keys.join('、')}`
        : '修订内容应为一个对象',
  },
);

export type PolicyAmendment = z.output<typeof policyAmendmentSchema>;
