/** A part (一、), a section (（一）) or a numbered item (1.) of a policy document. */
export type ClauseLevel = 'section' | 'subsection' | 'item';

export interface PolicyClause {
  /** as the rules cite it: 四, 四（三）, 四.8 */
  readonly id: string;
  readonly level: ClauseLevel;
  /** the clause's own title: 推动重大创新成果加速转化 */
  readonly heading: string;
  /** the clause's text after its heading, paragraph by paragraph (a part's may be empty) */
  readonly paragraphs: readonly string[];
}

/** A policy document as published: its title and status, the preamble, the clauses in order. */
export interface PolicyText {
  readonly title: string;
  /** 征求意见稿 / 正式稿 */
  readonly status: string;
  readonly preamble: string;
  readonly clauses: readonly PolicyClause[];
}
