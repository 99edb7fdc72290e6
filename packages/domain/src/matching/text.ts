/**
 * Term overlap for Chinese text. Chinese has no spaces, and a dictionary segmenter would be a
 * large dependency with its own mistakes; character bigrams of CJK runs match technical terms
 * (氢能, 储能, 无人, 飞控 …) well, and Latin/digit words (AI, PEM, 5G) are kept whole.
 */

/**
 * Characters that carry no topic: bigrams containing them are dropped. Not 能, 中 or 种: they
 * are function words elsewhere but carry the programme's own terms (氢能, 储能, 智能, 性能, 功能,
 * 中药, 中试, 育种).
 */
const STOP_CHARS = new Set(
  // Function characters only: 能, 中, 种, 有, 可, 等, 上, 下 start real terms (储能, 中药, 育种,
  // 有机, 可降解, 等离子, 上游) and are kept.
  '的了和与及或在是为对于以把被从向将其该这那各之而并且也都就还很更最所会要个项'.split(''),
);

const CJK_RUN = /[\u3400-\u9fff]+/g;
// A dot only inside a word (5.5g, v2.0), so a sentence's full stop is not part of the term.
const LATIN_WORD = /[a-z0-9](?:[a-z0-9+#-]|\.(?=[a-z0-9]))*/g;

/** The distinct terms of a text: CJK bigrams (a lone CJK character counts as a term) and Latin words. */
export function textTerms(text: string): Set<string> {
  const terms = new Set<string>();
  const lower = text.normalize('NFKC').toLowerCase();
  for (const [run] of lower.matchAll(CJK_RUN)) {
    if (run.length === 1) {
      if (!STOP_CHARS.has(run)) terms.add(run);
      continue;
    }
    const chars = [...run];
    chars.slice(1).forEach((b, i) => {
      const a = chars[i] as string;
      if (!STOP_CHARS.has(a) && !STOP_CHARS.has(b)) terms.add(a + b);
    });
  }
  for (const [word] of lower.matchAll(LATIN_WORD)) {
    if (word.length >= 2) terms.add(word);
  }
  return terms;
}

export interface TermOverlap {
  /** wanted terms found in the offered text, in the order they appear in the wanted text */
  readonly matched: readonly string[];
  readonly wantedCount: number;
}

/** Which of the wanted terms the offered terms cover. */
export function termOverlap(
  wanted: ReadonlySet<string>,
  offered: ReadonlySet<string>,
): TermOverlap {
  const matched: string[] = [];
  for (const term of wanted) if (offered.has(term)) matched.push(term);
  return { matched, wantedCount: wanted.size };
}

/**
 * The matched parts of the wanted text as an officer reads them: runs of consecutive matched
 * bigrams joined back into the words they came from (膜电 + 电极 + 极制 + 制备 → 膜电极制备),
 * then matched Latin words, each once, in the order they appear.
 */
export function matchedPhrases(wantedText: string, offered: ReadonlySet<string>): string[] {
  const phrases: string[] = [];
  const seen = new Set<string>();
  const add = (phrase: string) => {
    if (!seen.has(phrase)) {
      seen.add(phrase);
      phrases.push(phrase);
    }
  };
  const lower = wantedText.normalize('NFKC').toLowerCase();
  for (const [run] of lower.matchAll(CJK_RUN)) {
    const chars = [...run];
    let start = -1;
    for (let i = 0; i + 1 <= chars.length; i++) {
      const term = i + 1 < chars.length ? `${chars[i]}${chars[i + 1]}` : '';
      const hit = term !== '' && offered.has(term);
      if (hit && start < 0) start = i;
      if (!hit && start >= 0) {
        add(chars.slice(start, i + 1).join(''));
        start = -1;
      }
    }
    if (chars.length === 1 && offered.has(run)) add(run);
  }
  for (const [word] of lower.matchAll(LATIN_WORD))
    if (word.length >= 2 && offered.has(word)) add(word);
  // 膜电极 in the title and 膜电极制备 in the expertise: say the longer once.
  return phrases.filter((p) => !phrases.some((other) => other !== p && other.includes(p)));
}
