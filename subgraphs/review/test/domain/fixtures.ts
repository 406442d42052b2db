// Routes, actors and small helpers shared by the review domain tests.
import {
  startReview,
  type ApplicantActor,
  type ReviewerActor,
  type ReviewResult,
  type ReviewState,
  type RouteLevel,
  type RouteOutcome,
} from '../../src/domain';

export const ids = {
  declaration: 'decl-0001',
  applicant: 'person-zhangwei',
  unit: 'unit-changchun-design',
  otherUnit: 'unit-jilin-steel',
  department: 'org-education',
  otherDepartment: 'org-health',
  bureau: 'org-province',
  otherBureau: 'org-city',
  committee: 'org-engineering',
  otherCommittee: 'org-teachers',
};

export const names = {
  unit: '长春市建筑设计研究院有限公司',
  department: '吉林省教育厅',
  bureau: '吉林省人力资源和社会保障厅',
  committee: '吉林省工程系列高级职称评审委员会',
};

const unitLevel: RouteLevel = { level: 'UNIT', organisationId: null, name: '推荐单位' };
const departmentLevel: RouteLevel = {
  level: 'DEPARTMENT',
  organisationId: ids.department,
  name: names.department,
};
const bureauLevel: RouteLevel = { level: 'BUREAU', organisationId: ids.bureau, name: names.bureau };
const committeeLevel: RouteLevel = {
  level: 'COMMITTEE',
  organisationId: ids.committee,
  name: names.committee,
};

/** 单位 → 主管部门 → 人社 → 评委会 (正常职称申报). */
export const FULL_ROUTE: RouteLevel[] = [unitLevel, departmentLevel, bureauLevel, committeeLevel];
/** 主管部门 "无". */
export const NO_DEPARTMENT_ROUTE: RouteLevel[] = [
  unitLevel,
  { level: 'DEPARTMENT', organisationId: null, name: '无' },
  bureauLevel,
  committeeLevel,
];
/** 人才分类定级: ends at the bureau with 材料审核通过. */
export const TALENT_ROUTE: RouteLevel[] = [unitLevel, departmentLevel, bureauLevel];

export function reviewer(
  level: ReviewerActor['level'],
  organisationId: string,
  overrides: Partial<ReviewerActor> = {},
): ReviewerActor {
  const roles: Record<ReviewerActor['level'], ReviewerActor['roles']> = {
    UNIT: ['UNIT_AGENT'],
    DEPARTMENT: ['DEPARTMENT_REVIEWER'],
    BUREAU: ['BUREAU_REVIEWER'],
    COMMITTEE: ['COMMITTEE_SECRETARY'],
  };
  return {
    kind: 'REVIEWER',
    accountId: `account-${level.toLowerCase()}-${organisationId}`,
    name: `${level} 审核员`,
    organisationId,
    level,
    roles: roles[level],
    ...overrides,
  };
}

export const unitAgent = reviewer('UNIT', ids.unit, { name: '经办人 王芳' });
export const unitLegalPerson = reviewer('UNIT', ids.unit, { name: '法人 李强', roles: ['LEGAL_PERSON'] });
export const departmentReviewer = reviewer('DEPARTMENT', ids.department, { name: '教育厅审核员 赵磊' });
export const bureauReviewer = reviewer('BUREAU', ids.bureau, { name: '省厅审核员 王敏' });
export const committeeSecretary = reviewer('COMMITTEE', ids.committee, { name: '工程评委会秘书 周强' });
export const otherUnitAgent = reviewer('UNIT', ids.otherUnit);
export const otherDepartmentReviewer = reviewer('DEPARTMENT', ids.otherDepartment);
export const otherBureauReviewer = reviewer('BUREAU', ids.otherBureau);
export const otherCommitteeSecretary = reviewer('COMMITTEE', ids.otherCommittee);
/** The bureau's organisation, but an account without the bureau reviewer role. */
export const bureauWithoutRole = reviewer('BUREAU', ids.bureau, { roles: ['APPLICANT'] });

export const applicant: ApplicantActor = { kind: 'APPLICANT', personId: ids.applicant, name: '张伟' };
export const otherApplicant: ApplicantActor = { kind: 'APPLICANT', personId: 'person-lina', name: '李娜' };

/** Minute n of a review day. */
export function clock(n: number): Date {
  return new Date(Date.UTC(2026, 10, 23, 1, 0) + n * 60_000);
}

export function ok(result: ReviewResult): Extract<ReviewResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.refusal)}`);
  return result;
}

export function refused(result: ReviewResult): Extract<ReviewResult, { ok: false }>['refusal'] {
  if (result.ok) throw new Error(`expected a refusal, got phase ${result.state.phase}`);
  return result.refusal;
}

export function start(
  route: RouteLevel[] = FULL_ROUTE,
  outcomeAfterRoute?: RouteOutcome,
  declarationId = ids.declaration,
  talentLevelCode: string | null = outcomeAfterRoute === 'MATERIALS_APPROVED' ? 'C' : null,
): ReviewState {
  return ok(
    startReview(
      {
        declarationId,
        applicantId: ids.applicant,
        applicantName: '张伟',
        unitId: ids.unit,
        unitName: names.unit,
        route,
        outcomeAfterRoute,
        talentLevelCode,
      },
      clock(0),
    ),
  ).state;
}

export const PASS_OPINION = '材料齐全，符合申报条件，同意推荐。';
export const RETURN_OPINION = '证明材料不全，请补充后重新提交。';
export const batch = { id: 'batch-0001', attachmentId: 'file-recommendation-letter' };

/** Freezes a value and everything in it, so a function that mutates its input throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
