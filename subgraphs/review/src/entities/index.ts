import { eventEntities } from '@zhicheng/events';
import { Batch } from './batch';
import { CaseParticipant } from './case-participant';
import { KnownOrganisation } from './known-organisation';
import { KnownUnit } from './known-unit';
import { ModuleFlag } from './module-flag';
import { ReviewCase } from './review-case';
import { ReviewerOpinion } from './reviewer-opinion';
import { TimelineEntryRow } from './timeline-entry';
import { statisticsEntities } from '../statistics/entities';

export * from './batch';
export * from './case-participant';
export * from './known-organisation';
export * from './known-unit';
export * from './module-flag';
export * from './review-case';
export * from './reviewer-opinion';
export * from './timeline-entry';

/** Review's tables, and the outbox and inbox that carry its events (in review's own schema). */
export const entities = [
  ReviewCase,
  CaseParticipant,
  TimelineEntryRow,
  ModuleFlag,
  ReviewerOpinion,
  Batch,
  KnownUnit,
  KnownOrganisation,
  // 统计分析's reporting read model (fed by its own consumer, src/statistics).
  ...statisticsEntities,
  ...eventEntities,
];
