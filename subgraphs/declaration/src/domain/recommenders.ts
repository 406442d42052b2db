// 每名专家最多只允许推荐两名专业技术人员破格申报: the count of an expert's recommendations lives in
// other declarations, so the service supplies it (submitted declarations of other applicants).
import { normaliseIdNumber } from './validate-input';
import type { FieldProblem, Recommender } from './types';

export const MAX_RECOMMENDATIONS_PER_EXPERT = 2;
/** The note shown above the attachment list of a 破格 declaration (seed 000). */
export const RECOMMENDATION_QUOTA_NOTE = '每名专家最多只允许推荐两名专业技术人员破格申报。';

export type RecommendationCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

function countFor(counts: RecommendationCounts, idNumber: string): number {
  const wanted = normaliseIdNumber(idNumber);
  const entries = counts instanceof Map ? [...counts.entries()] : Object.entries(counts);
  return entries.reduce((sum, [id, n]) => (normaliseIdNumber(id) === wanted ? sum + n : sum), 0);
}

/**
 * One problem per recommender who already recommends two other applicants; `counts` maps an
 * expert's ID number to the number of OTHER submitted declarations naming them.
 */
export function recommenderQuotaProblems(
  recommenders: ReadonlyArray<Pick<Recommender, 'name' | 'idNumber'>>,
  counts: RecommendationCounts,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  recommenders.forEach((expert, index) => {
    if (!expert.idNumber) return;
    const count = countFor(counts, expert.idNumber);
    if (count >= MAX_RECOMMENDATIONS_PER_EXPERT)
      problems.push({
        field: `recommenders.${index}.idNumber`,
        code: 'RECOMMENDER_QUOTA_EXCEEDED',
        message: `推荐专家${expert.name}已推荐${count}名专业技术人员破格申报，每名专家最多只允许推荐两名专业技术人员破格申报`,
      });
  });
  return problems;
}
