// The certificate audits' API documents (补办审核, 历史数据登记审核).
import { graphql } from '../gql';

export const ReissueAuditQueueQuery = graphql(`
  query ReissueAuditQueue($status: CertificateApplicationStatus, $first: Int!, $offset: Int!) {
    reissueAuditQueue(status: $status, first: $first, offset: $offset) {
      totalCount
      items {
        id
        status
        statusText
        applicantName
        certificateNumber
        titleName
        businessTypeText
        declarationPointName
        submittedAt
      }
    }
  }
`);

export const HistoricalAuditQueueQuery = graphql(`
  query HistoricalAuditQueue($status: CertificateApplicationStatus, $first: Int!, $offset: Int!) {
    historicalRegistrationAuditQueue(status: $status, first: $first, offset: $offset) {
      totalCount
      items {
        id
        status
        statusText
        applicantName
        certificateNumber
        titleName
        levelName
        issuerName
        submittedAt
      }
    }
  }
`);

export const ReissueApplicationQuery = graphql(`
  query ReissueApplicationDetail($id: ID!) {
    reissueApplication(id: $id) {
      id
      status
      statusText
      applicantName
      certificateForm
      certificateNumber
      holderName
      titleName
      declarationTypeText
      businessTypeText
      regionName
      declarationPointName
      reason
      submittedAt
      decidedAt
      decidedByName
      opinion
      newCertificateNumber
      certificate {
        number
        form
        formText
        holderIdNumberMasked
        seriesName
        specialtyName
        levelName
        committeeName
        approvedOn
        issuedAt
        issuerName
        status
        statusText
      }
      files {
        id
        slot
        slotName
        fileName
        sizeBytes
        url
      }
    }
  }
`);

export const HistoricalRegistrationQuery = graphql(`
  query HistoricalRegistrationDetail($id: ID!) {
    historicalRegistration(id: $id) {
      id
      status
      statusText
      applicantName
      certificateNumber
      holderName
      holderIdNumberMasked
      obtainedByText
      titleName
      seriesName
      specialtyName
      levelName
      obtainedOn
      committeeName
      approvalDocumentNumber
      issuerName
      issuedOn
      workUnit
      regionName
      submittedAt
      decidedAt
      decidedByName
      opinion
      files {
        id
        slot
        slotName
        fileName
        sizeBytes
        url
      }
    }
  }
`);

export const DecideReissueMutation = graphql(`
  mutation DecideReissueApplication($id: ID!, $approve: Boolean!, $opinion: String) {
    decideReissueApplication(id: $id, approve: $approve, opinion: $opinion) {
      id
      status
      statusText
      opinion
      decidedAt
      decidedByName
      newCertificateNumber
    }
  }
`);

export const DecideHistoricalMutation = graphql(`
  mutation DecideHistoricalRegistration($id: ID!, $approve: Boolean!, $opinion: String) {
    decideHistoricalRegistration(id: $id, approve: $approve, opinion: $opinion) {
      id
      status
      statusText
      opinion
      decidedAt
      decidedByName
    }
  }
`);
