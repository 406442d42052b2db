import { publishLive } from '@zhicheng/live';
import type { EntityManager } from '@zhicheng/server-kit';
import type { HistoricalRegistration, ReissueApplication } from '../entities';

/** Tells the applicant (live, on commit only) that an application's status changed. */
export function announceApplication(
  em: EntityManager,
  kind: 'REISSUE' | 'HISTORICAL',
  application: ReissueApplication | HistoricalRegistration,
  at: Date,
) {
  return publishLive(em, 'CERTIFICATE_APPLICATION', {
    kind,
    applicationId: application.id,
    applicantPersonId: application.applicantPersonId,
    status: application.status,
    at: at.toISOString(),
  });
}
