import { describe, expect, it } from 'vitest';
import { policyCitation } from '../src/pages/programmes/citation';

describe('policyCitation (the 依据 footer)', () => {
  it('names the status once when the title already carries it', () => {
    const policy = {
      title: '宿州市科学技术局以科技创新推进未来产业创新发展实施方案（征求意见稿）',
      status: '征求意见稿',
      version: '2026.1',
    };
    const text = policyCitation(policy);
    expect(text.match(/征求意见稿/g)).toHaveLength(1);
    expect(text).toBe(
      '依据：宿州市科学技术局以科技创新推进未来产业创新发展实施方案（征求意见稿，版本 2026.1）',
    );
  });

  it('adds the status when the title does not carry it', () => {
    expect(policyCitation({ title: '实施方案', status: '正式印发', version: '2027.1' })).toBe(
      '依据：实施方案（正式印发，版本 2027.1）',
    );
    expect(policyCitation({ title: '实施方案', status: '正式印发' })).toBe(
      '依据：实施方案（正式印发）',
    );
  });
});
