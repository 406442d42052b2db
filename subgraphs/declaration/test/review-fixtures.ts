// Review's events as the review subgraph publishes them (source 'review', payloads from the shared
// catalogue), for tests that drive a declaration through its review on the real transport.
import { randomUUID } from 'node:crypto';
import type { EventPayloads, ReviewLevel } from '@zhicheng/events';
import { event, type TestDeclaration } from './helpers';
import { SUBMIT, completeDeclaration, type DeclarationJson, type Started } from './fixtures';

/** Review's time: `ms` after the (movable) test clock, so events follow the submission. */
export const reviewTime = (t: TestDeclaration, ms = 1000) =>
  new Date(t.clock.now().getTime() + ms).toISOString();

export const ORGS = {
  department: { id: randomUUID(), name: '吉林省教育厅' },
  bureau: { id: randomUUID(), name: '吉林省人力资源和社会保障厅' },
  committee: { id: randomUUID(), name: '吉林省工程系列高级职称评审委员会' },
};

type Returned = EventPayloads['DeclarationReturned'];

export const review = {
  returned: (declarationId: string, p: Partial<Returned> & Pick<Returned, 'returnedAt' | 'organisationId'>) =>
    event('DeclarationReturned', {
      declarationId,
      fromLevel: 'UNIT',
      modules: ['WORK_EXPERIENCE'],
      opinion: '工作经历不完整，请补充',
      targetLevel: 'APPLICANT',
      ...p,
    }),
  advanced: (
    declarationId: string,
    fromLevel: ReviewLevel,
    level: ReviewLevel,
    to: { id: string; name: string },
    advancedAt: string,
  ) =>
    event('DeclarationAdvanced', {
      declarationId,
      fromLevel,
      level,
      organisationId: to.id,
      organisationName: to.name,
      advancedAt,
    }),
  materialsApproved: (declarationId: string, approvedAt: string, routeComplete = false) =>
    event('DeclarationMaterialsApproved', {
      declarationId,
      level: 'BUREAU',
      organisationId: ORGS.bureau.id,
      routeComplete,
      approvedAt,
    }),
  finallyApproved: (declarationId: string, approvedAt: string) =>
    event('DeclarationFinallyApproved', {
      declarationId,
      result: 'PASS',
      committee: { organisationId: ORGS.committee.id, name: ORGS.committee.name },
      opinion: '评审通过',
      approvedAt,
    }),
  terminated: (declarationId: string, terminatedAt: string, level: ReviewLevel = 'BUREAU') =>
    event('DeclarationTerminated', {
      declarationId,
      level,
      organisationId: ORGS.bureau.id,
      opinion: '不符合申报条件',
      committeeResult: null,
      terminatedAt,
    }),
  /** 人才分类定级: the bureau (the route's last seat) puts off its 评审结果. */
  talentDeferred: (declarationId: string, deferredAt: string) =>
    event('DeclarationDeferred', {
      declarationId,
      committee: { organisationId: ORGS.bureau.id, name: ORGS.bureau.name },
      level: 'BUREAU',
      opinion: '认定材料待进一步核实，暂缓认定。',
      deferredAt,
    }),
  /** 人才分类定级: the bureau's 评审结果 通过 with the class awarded. */
  talentApproved: (declarationId: string, approvedAt: string) =>
    event('DeclarationFinallyApproved', {
      declarationId,
      result: 'PASS',
      committee: null,
      opinion: '经认定，符合人才分类定级标准，同意认定。',
      approvedAt,
      kind: 'TALENT_LEVEL',
      talent: {
        levelCode: 'C',
        levelName: 'C类',
        decidedBy: { level: 'BUREAU', organisationId: ORGS.bureau.id, name: ORGS.bureau.name },
      },
    }),
  deferred: (declarationId: string, deferredAt: string) =>
    event('DeclarationDeferred', {
      declarationId,
      committee: { organisationId: ORGS.committee.id, name: ORGS.committee.name },
      opinion: '材料待核实，暂缓评审',
      deferredAt,
    }),
};

/** A complete declaration, submitted (status 已申报). */
export async function submittedDeclaration(t: TestDeclaration, noticeId: string): Promise<Started> {
  const done = await completeDeclaration(t, noticeId);
  const { submitDeclaration } = await done.applicant.client.ok<{ submitDeclaration: DeclarationJson }>(
    SUBMIT,
    {
      id: done.declaration.id,
      expectedVersion: done.declaration.version,
      pledge: true,
    },
  );
  return { ...done, declaration: submitDeclaration };
}

export const REVIEW_FIELDS = `
  id status statusText version statusChangedAt editableModules
  returnOpinion returnedModules returnedAt
  returnedBy { level levelText organisationId organisationName }
  reviewPosition { level levelText organisationId organisationName since deferred deferredAt
    returnedFrom { level organisationName } }
`;
export const REVIEW_QUERY = `query($id: ID!) { declaration(id: $id) { ${REVIEW_FIELDS} } }`;

export interface ReviewStopJson {
  level: string;
  levelText: string;
  organisationId: string | null;
  organisationName: string;
}

export interface ReviewJson {
  id: string;
  status: string;
  statusText: string;
  version: number;
  statusChangedAt: string | null;
  editableModules: string[];
  returnOpinion: string | null;
  returnedModules: string[] | null;
  returnedAt: string | null;
  returnedBy: ReviewStopJson | null;
  reviewPosition:
    | (ReviewStopJson & {
        since: string;
        deferred: boolean;
        deferredAt: string | null;
        returnedFrom: { level: string; organisationName: string } | null;
      })
    | null;
}
