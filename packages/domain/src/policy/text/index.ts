import { SUZHOU_FUTURE_2026_DRAFT_TEXT } from './suzhou-future-2026-draft';
import type { PolicyClause, PolicyText } from './types';

export type { ClauseLevel, PolicyClause, PolicyText } from './types';
export { SUZHOU_FUTURE_2026_DRAFT_TEXT };

/**
 * The published texts, by the policy version they are the text of. Only a version with a text
 * can be put out for comments (a comment names its clause); a version derived by an amendment
 * shares its base's text, its changes shown in the 修改对照表.
 */
export const POLICY_TEXTS: Readonly<Record<string, PolicyText>> = {
  'suzhou-future-2026-draft': SUZHOU_FUTURE_2026_DRAFT_TEXT,
};

export function policyTextFor(policySetId: string): PolicyText | undefined {
  return POLICY_TEXTS[policySetId];
}

/** The clause a rule or a comment cites (`四.8`), or undefined. */
export function clauseById(text: PolicyText, id: string): PolicyClause | undefined {
  return text.clauses.find((c) => c.id === id);
}

/**
 * The clause's number as the document prints it: 四、 for a part, （四） for a section, 8. for an
 * item — so a list of clauses reads as the document does.
 */
export function clauseNumber(clause: Pick<PolicyClause, 'id' | 'level'>): string {
  if (clause.level === 'section') return `${clause.id}、`;
  if (clause.level === 'subsection') return clause.id.slice(clause.id.indexOf('（'));
  return `${clause.id.slice(clause.id.indexOf('.') + 1)}.`;
}

/** `四.8 推动重大创新成果加速转化`: how a comment or a comparison row names its clause. */
export function clauseTitle(clause: Pick<PolicyClause, 'id' | 'heading'>): string {
  return `${clause.id} ${clause.heading}`;
}

/** The clauses that can be commented on: those with words of their own (not bare part titles). */
export function commentableClauses(text: PolicyText): readonly PolicyClause[] {
  return text.clauses.filter((c) => c.paragraphs.length > 0);
}
