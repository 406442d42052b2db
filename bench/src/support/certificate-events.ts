// The two events that make a certificate (as declaration's and review's outbox relays publish them),
// for the certificate benchmarks: a submitted title declaration and its final approval.
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@zhicheng/events';

export function submitted(
  declarationId: string,
  personId: string,
  n: number,
): EventEnvelope<'DeclarationSubmitted'> {
  return {
    id: randomUUID(),
    type: 'DeclarationSubmitted',
    source: 'declaration',
    occurredAt: new Date().toISOString(),
    payload: {
      declarationId,
      noticeId: randomUUID(),
      channelCode: 'TITLE_NORMAL',
      personId,
      applicantName: `张${n}`,
      applicantIdNumberMasked: '220***********1234',
      unitId: randomUUID(),
      title: {
        seriesCode: 'ENG',
        specialtyCode: 'ENG.CIVIL',
        scopeCode: 'ENG.CIVIL.STRUCT',
        titleCode: 'ENG.SENIOR',
        levelCode: 'SENIOR',
        titleName: '高级工程师',
        levelName: '副高级',
        seriesName: '工程系列',
        specialtyName: '土木建筑工程',
      },
      category: 'NORMAL',
      route: [],
      outcomeAfterRoute: 'FINALLY_APPROVED',
      committeeId: null,
      submittedAt: new Date().toISOString(),
      resubmission: false,
    },
  };
}

export function approved(declarationId: string): EventEnvelope<'DeclarationFinallyApproved'> {
  return {
    id: randomUUID(),
    type: 'DeclarationFinallyApproved',
    source: 'review',
    occurredAt: new Date().toISOString(),
    payload: {
      declarationId,
      result: 'PASS',
      committee: { organisationId: randomUUID(), name: '吉林省工程系列高级职称评审委员会' },
      opinion: '经评审委员会评议，通过。',
      approvedAt: new Date().toISOString(),
    },
  };
}
