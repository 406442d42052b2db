// 常用意见: the opinions a reviewer can pick instead of typing (seed 002: "可以直接手动录入也可以
// 选择常用意见"), per kind of decision, plus the rules for the ones each reviewer saves for
// themselves (支持维护自定义意见).
import type { FieldProblem } from '@zhicheng/server-kit';
import type { DecisionStep } from './timeline';
import { characterCount, OPINION_MAX_LENGTH } from './vocabulary';

/** Which decision an opinion suits: a reviewer's 通过/退回修改/终止, or a committee result. */
export type OpinionKind = DecisionStep;

export interface CommonOpinion {
  /** Stable, for the UI's keys and tests. */
  code: string;
  kind: OpinionKind;
  text: string;
}

export const COMMON_OPINIONS: readonly CommonOpinion[] = [
  { code: 'PASS_RECOMMEND', kind: 'PASS', text: '材料齐全，符合申报条件，同意推荐。' },
  { code: 'PASS_TRUE_VALID', kind: 'PASS', text: '经审核，申报材料真实有效，同意上报。' },
  { code: 'PASS_TO_COMMITTEE', kind: 'PASS', text: '经审核，符合申报条件，同意提交评委会评审。' },
  { code: 'RETURN_PROOF_INCOMPLETE', kind: 'RETURN', text: '证明材料不全，请补充后重新提交。' },
  { code: 'RETURN_INFO_WRONG', kind: 'RETURN', text: '申报信息填写有误，请核对修改后重新提交。' },
  { code: 'RETURN_SCAN_UNCLEAR', kind: 'RETURN', text: '证明材料不清晰，请重新上传清晰的扫描件。' },
  { code: 'RETURN_ASSESSMENT', kind: 'RETURN', text: '年度考核信息不完整，请补充后重新提交。' },
  { code: 'RETURN_PUBLICITY', kind: 'RETURN', text: '单位公示表未上传或不符合要求，请公示后重新上传。' },
  { code: 'TERMINATE_NOT_ELIGIBLE', kind: 'TERMINATE', text: '不符合申报条件，终止审核。' },
  { code: 'TERMINATE_YEARS', kind: 'TERMINATE', text: '任职年限不满足申报要求，终止审核。' },
  {
    code: 'TERMINATE_FALSE_MATERIALS',
    kind: 'TERMINATE',
    text: '经核查，申报材料存在弄虚作假情况，终止审核。',
  },
  { code: 'COMMITTEE_PASS_VOTE', kind: 'COMMITTEE_PASS', text: '经评审委员会评议表决，同意通过。' },
  { code: 'COMMITTEE_FAIL_VOTE', kind: 'COMMITTEE_FAIL', text: '经评审委员会评议表决，未获通过。' },
  {
    code: 'COMMITTEE_DEFER_STUDY',
    kind: 'COMMITTEE_DEFER',
    text: '经评审委员会研究，暂缓评审，待补充材料后再议。',
  },
  // 人才分类定级: the bureau records the offline result with the same three outcomes.
  { code: 'TALENT_PASS', kind: 'COMMITTEE_PASS', text: '经认定，符合人才分类定级标准，同意认定。' },
  { code: 'TALENT_FAIL', kind: 'COMMITTEE_FAIL', text: '经认定，不符合所申请类别的认定标准。' },
  { code: 'TALENT_DEFER', kind: 'COMMITTEE_DEFER', text: '认定材料待进一步核实，暂缓认定。' },
];

export function commonOpinionsFor(kind: OpinionKind): CommonOpinion[] {
  return COMMON_OPINIONS.filter((o) => o.kind === kind);
}

/** How many opinions one reviewer may save: enough for a picker, not a dumping ground. */
export const CUSTOM_OPINION_LIMIT = 50;

/** Checks a reviewer's new saved opinion against the ones they already keep; every problem at once. */
export function validateCustomOpinion(text: string, existing: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') problems.push({ field: 'text', code: 'OPINION_REQUIRED', message: '请填写意见内容' });
  else if (characterCount(trimmed) > OPINION_MAX_LENGTH)
    problems.push({
      field: 'text',
      code: 'OPINION_TOO_LONG',
      message: `意见内容不能超过${OPINION_MAX_LENGTH}字，当前${characterCount(trimmed)}字`,
    });
  else if (existing.some((e) => e.trim() === trimmed))
    problems.push({ field: 'text', code: 'OPINION_DUPLICATE', message: '该意见已在您的常用意见中' });
  if (existing.length >= CUSTOM_OPINION_LIMIT)
    problems.push({
      field: 'text',
      code: 'OPINION_LIMIT',
      message: `常用意见最多保存${CUSTOM_OPINION_LIMIT}条，请先删除不用的意见`,
    });
  return problems;
}
