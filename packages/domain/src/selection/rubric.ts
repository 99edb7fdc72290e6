import { z } from 'zod';
import { plainString } from '../validate';
import type { SelectionSettings } from './settings';

/** What experts score, criterion by criterion, in whole points (a call's 评分标准). */
export interface Rubric {
  readonly criteria: readonly RubricCriterion[];
}

export interface RubricCriterion {
  /** stable code, stored with each score */
  readonly code: string;
  /** as the expert reads it: 创新性 */
  readonly name: string;
  readonly maxPoints: number;
  /** what earns the points, shown beside the input */
  readonly guidance?: string;
}

export const RUBRIC_TOTAL = 100;

/** A call's own rubric, as an officer sets it: named criteria whose maxima add up to 100. */
export const rubricSchema = z
  .object({
    criteria: z
      .array(
        z.object({
          code: plainString().regex(/^[a-z][a-z0-9-]{0,31}$/, { error: '评分项代码格式不正确' }),
          name: plainString().trim().min(1, { error: '请填写评分项名称' }).max(20),
          maxPoints: z
            .number({ error: '请填写分值' })
            .int({ error: '分值应为整数' })
            .min(1, { error: '分值至少为1分' })
            .max(RUBRIC_TOTAL),
          guidance: plainString().trim().max(200).optional(),
        }),
      )
      .min(1, { error: '至少需要一个评分项' })
      .max(10, { error: '评分项不能超过10个' }),
  })
  .superRefine((rubric, ctx) => {
    const total = rubric.criteria.reduce((sum, c) => sum + c.maxPoints, 0);
    if (total !== RUBRIC_TOTAL)
      ctx.addIssue({
        code: 'custom',
        path: ['criteria'],
        message: `各评分项分值合计应为${RUBRIC_TOTAL}分，现为${total}分`,
      });
    const codes = rubric.criteria.map((c) => c.code);
    if (new Set(codes).size !== codes.length)
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: '评分项代码不能重复' });
  });

/**
 * A declared conflict of interest (回避) with its reason: an expert's answer instead of a score
 * sheet, or instead of an acceptance verdict (acceptance.ts). It voids the expert's word there.
 */
export const declaredConflictSchema = z.object({
  conflict: z.literal('declared'),
  reason: plainString({ error: '请说明需要回避的原因' })
    .trim()
    .min(2, { error: '请说明需要回避的原因' })
    .max(200, { error: '回避原因不能超过200字' }),
});

/**
 * One expert's sheet for one application. Either a score on every criterion, or a declared
 * conflict of interest (回避), which voids the expert's score there. Every sheet confirms one or
 * the other: an expert cannot score without saying there is no conflict.
 */
export function scoreSheetSchema(rubric: Rubric, settings: SelectionSettings) {
  const { commentAtOrBelow, commentAtOrAbove } = settings.scoring;
  const points = Object.fromEntries(
    rubric.criteria.map((c) => [
      c.code,
      z
        .number({ error: `请为“${c.name}”打分` })
        .int({ error: `“${c.name}”应为整数分` })
        .min(0, { error: `“${c.name}”不能低于0分` })
        .max(c.maxPoints, { error: `“${c.name}”不能超过${c.maxPoints}分` }),
    ]),
  );
  const comment = plainString().trim().max(1000, { error: '评审意见不能超过1000字' });
  return z.discriminatedUnion(
    'conflict',
    [
      z
        .object({
          conflict: z.literal('none'),
          scores: z.object(points, { error: '请为每个评分项打分' }).strict(),
          comment: comment.optional(),
        })
        .superRefine((sheet, ctx) => {
          const total = sheetTotal(sheet.scores);
          const extreme = total <= commentAtOrBelow || total >= commentAtOrAbove;
          if (extreme && !sheet.comment)
            ctx.addIssue({
              code: 'custom',
              path: ['comment'],
              message: `总分${total}分${total <= commentAtOrBelow ? `，不高于${commentAtOrBelow}分` : `，不低于${commentAtOrAbove}分`}，请填写评审意见说明理由`,
            });
        }),
      declaredConflictSchema,
    ],
    { error: '请确认与该申报是否存在利益关系' },
  );
}

export type ScoreSheet = z.infer<ReturnType<typeof scoreSheetSchema>>;

export function sheetTotal(scores: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const v of Object.values(scores)) total += v;
  return total;
}
