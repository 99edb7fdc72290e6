import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termOverlap, textTerms } from '../../src/matching/text';

const terms = (text: string) => [...textTerms(text)].sort();

describe('textTerms', () => {
  it('splits a Chinese run into overlapping character bigrams', () => {
    expect([...textTerms('质子交换膜')]).toEqual(['质子', '子交', '交换', '换膜']);
  });

  it('does not join bigrams across punctuation, spaces or Latin text', () => {
    expect(terms('质子交换膜、膜电极')).toEqual(terms('质子交换膜 膜电极'));
    expect(textTerms('质子交换膜、膜电极').has('膜膜')).toBe(false);
    expect(textTerms('氢能PEM电堆').has('能电')).toBe(false);
  });

  it('drops bigrams containing a stop character (的, 和, 与, 及 …)', () => {
    expect(terms('膜电极的制备')).toEqual(['制备', '电极', '膜电']);
    expect(terms('催化剂和双极板')).toEqual(['催化', '化剂', '双极', '极板']);
    expect(terms('的了和与')).toEqual([]);
  });

  it("keeps the programme's own terms built on 能, 中 and 种 (氢能, 储能, 智能, 中药, 育种)", () => {
    expect(terms('氢能')).toEqual(['氢能']);
    expect(terms('电化学储能')).toEqual(['储能', '化学', '学储', '电化']);
    for (const [text, term] of [
      ['智能飞控', '智能'],
      ['高性能摩擦', '性能'],
      ['功能食品', '功能'],
      ['中药开发', '中药'],
      ['大豆及农作物育种', '育种'],
    ] as const) {
      expect(textTerms(text).has(term)).toBe(true);
    }
    expect(termOverlap(textTerms('电化学储能'), textTerms('储能电站运维')).matched).toEqual([
      '储能',
    ]);
  });

  it('keeps a lone CJK character as a term, unless it is a stop character', () => {
    expect(terms('膜')).toEqual(['膜']);
    expect(terms('的')).toEqual([]);
    expect(terms('氢 与 膜')).toEqual(['氢', '膜']);
  });

  it('keeps Latin and digit words whole, lower-cased', () => {
    expect(terms('PEM燃料电池')).toEqual(['pem', '料电', '燃料', '电池']);
    expect(terms('5G 与 AI 赋能')).toEqual(['5g', 'ai', '赋能']);
    expect(terms('Li-ion C++ ISO9001')).toEqual(['c++', 'iso9001', 'li-ion']);
  });

  it('drops one-letter Latin words', () => {
    expect(terms('a B c')).toEqual([]);
    expect(terms('X射线')).toEqual(['射线']);
  });

  it('normalises full-width letters and digits (NFKC) to half-width', () => {
    expect(terms('ＰＥＭ')).toEqual(['pem']);
    expect(terms('５Ｇ通信')).toEqual(['5g', '通信']);
    expect(textTerms('ＰＥＭ燃料电池')).toEqual(textTerms('PEM燃料电池'));
  });

  it('treats the same term written twice as one', () => {
    expect(textTerms('膜电极 膜电极 PEM pem').size).toBe(3);
  });

  it('gives nothing for empty or topic-free text', () => {
    expect(textTerms('').size).toBe(0);
    expect(textTerms('  ，。、！ ').size).toBe(0);
  });

  it('every term is either a CJK bigram/char without stop characters or a Latin word of 2+', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'氢能质子交换膜电极的和与及PEM5G ，、a'.split('')), {
          maxLength: 30,
        }),
        (chars) => {
          for (const term of textTerms(chars.join(''))) {
            if (/^[\u3400-\u9fff]+$/.test(term)) {
              expect(term.length).toBeLessThanOrEqual(2);
              expect([...term].some((ch) => '的和与及'.includes(ch))).toBe(false);
            } else {
              expect(term).toMatch(/^[a-z0-9][a-z0-9.+#-]+$/);
            }
          }
        },
      ),
    );
  });
});

describe('termOverlap', () => {
  it('lists the wanted terms the offer covers, in the wanted text order, and counts the wanted', () => {
    const wanted = textTerms('质子交换膜、膜电极制备');
    const offered = textTerms('从事膜电极制备与质子传导研究');
    expect(termOverlap(wanted, offered)).toEqual({
      matched: ['质子', '膜电', '电极', '极制', '制备'],
      wantedCount: 8,
    });
  });

  it('matches Latin words across full-width and case differences', () => {
    const overlap = termOverlap(textTerms('PEM 电堆'), textTerms('ｐｅｍ燃料电池电堆集成'));
    expect(overlap).toEqual({ matched: ['电堆', 'pem'], wantedCount: 2 });
  });

  it('gives no match when nothing is shared and when nothing is wanted', () => {
    expect(termOverlap(textTerms('基因编辑'), textTerms('质子交换膜'))).toEqual({
      matched: [],
      wantedCount: 3,
    });
    expect(termOverlap(new Set(), textTerms('质子交换膜'))).toEqual({
      matched: [],
      wantedCount: 0,
    });
  });

  it('never matches more terms than are wanted, nor any term not offered', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const wanted = textTerms(a);
        const offered = textTerms(b);
        const { matched, wantedCount } = termOverlap(wanted, offered);
        expect(wantedCount).toBe(wanted.size);
        expect(matched.length).toBeLessThanOrEqual(wantedCount);
        for (const t of matched) expect(offered.has(t) && wanted.has(t)).toBe(true);
        expect(termOverlap(wanted, wanted).matched.length).toBe(wanted.size);
      }),
    );
  });
});
