import {
  COMMON_OPINIONS,
  commonOpinionsFor,
  CUSTOM_OPINION_LIMIT,
  OPINION_MAX_LENGTH,
  validateCustomOpinion,
} from '../../src/domain';

describe('common opinions (常用意见)', () => {
  it('offers Chinese opinions for every kind of decision, each short enough to submit', () => {
    for (const kind of [
      'PASS',
      'RETURN',
      'TERMINATE',
      'COMMITTEE_PASS',
      'COMMITTEE_FAIL',
      'COMMITTEE_DEFER',
    ] as const)
      expect(commonOpinionsFor(kind).length).toBeGreaterThan(0);
    expect(commonOpinionsFor('PASS').map((o) => o.text)).toContain('材料齐全，符合申报条件，同意推荐。');
    expect(commonOpinionsFor('RETURN').map((o) => o.text)).toContain('证明材料不全，请补充后重新提交。');
    for (const opinion of COMMON_OPINIONS) {
      expect(opinion.text).toMatch(/^[\u4e00-\u9fff].*。$/u);
      expect([...opinion.text].length).toBeLessThanOrEqual(OPINION_MAX_LENGTH);
    }
    expect(new Set(COMMON_OPINIONS.map((o) => o.code)).size).toBe(COMMON_OPINIONS.length);
  });

  it('checks a reviewer’s own opinion: present, not too long, not kept already, within the limit', () => {
    expect(validateCustomOpinion('请补充近三年年度考核结果。', [])).toEqual([]);
    expect(validateCustomOpinion('  ', []).map((p) => p.message)).toEqual(['请填写意见内容']);
    expect(validateCustomOpinion('意'.repeat(501), []).map((p) => p.code)).toEqual(['OPINION_TOO_LONG']);
    expect(validateCustomOpinion(' 同意。 ', ['同意。']).map((p) => p.message)).toEqual([
      '该意见已在您的常用意见中',
    ]);
    const full = Array.from({ length: CUSTOM_OPINION_LIMIT }, (_, i) => `意见${i}`);
    expect(validateCustomOpinion('新意见', full).map((p) => p.message)).toEqual([
      '常用意见最多保存50条，请先删除不用的意见',
    ]);
  });
});
