import { halfWidthPunctuationInChinese } from '../src';

describe('half-width punctuation next to Chinese', () => {
  it.each([
    ['基本信息:请填写政治面貌', ['息:']],
    ['教育经历已填写1条,其中有1条未上传证明材料', ['条,']],
    ['请上传(PDF)', ['传(']],
    ['确定?', ['定?']],
    ['基本信息：请填写政治面貌', []],
    ['审核 · 张伟 (2)', []],
    ['Basic information: fill in', []],
    ['办件意见, required, at most 200 characters', []], // English naming a Chinese term
    ['e.g. 通过, 退回修改', []],
    ['格式的文件;单个文件不能超过200KB', ['件;']],
    ['200KB,请重新上传', [',请']],
  ])('finds it in %s', (text, found) => {
    expect(halfWidthPunctuationInChinese(text)).toEqual(found);
  });
});
