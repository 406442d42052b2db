// 证书补办/换发 and 历史职称数据登记 (seed 004 第四、五章): the options of the forms, the upload
// ticket of a material, the applicant's applications and registrations, and their live status.
import { graphql } from '../gql';

export const FormOptionsQuery = graphql(`
  query CertificateFormOptions($purpose: CertificateMaterialPurpose!) {
    certificateRegions {
      code
      name
      points {
        id
        name
      }
    }
    certificateMaterialKinds(purpose: $purpose) {
      code
      name
    }
  }
`);

export const ReissuableFieldsFragment = graphql(`
  fragment ReissuableFields on ReissuableCertificate {
    form
    certificateId
    historicalRegistrationId
    pendingApplicationId
    certificate {
      kind
      kindText
      number
      holderName
      titleName
      seriesName
      specialtyName
      levelName
      committeeName
      approvedOn
      issuedAt
      issuerName
      status
      form
      formText
    }
  }
`);

export const ReissuableCertificatesQuery = graphql(`
  query ReissuableCertificates {
    reissuableCertificates {
      ...ReissuableFields
    }
  }
`);

export const FindReissuableQuery = graphql(`
  query FindReissuableCertificate($number: String!) {
    findReissuableCertificate(number: $number) {
      ...ReissuableFields
    }
  }
`);

export const RequestMaterialUploadMutation = graphql(`
  mutation RequestCertificateMaterialUpload(
    $purpose: CertificateMaterialPurpose!
    $slot: String!
    $fileName: String!
    $sizeBytes: Int!
    $contentType: String!
  ) {
    requestCertificateMaterialUpload(
      purpose: $purpose
      slot: $slot
      fileName: $fileName
      sizeBytes: $sizeBytes
      contentType: $contentType
    ) {
      url
      maxBytes
    }
  }
`);

export const ReissueApplicationFieldsFragment = graphql(`
  fragment ReissueApplicationFields on ReissueApplication {
    id
    status
    statusText
    certificateNumber
    certificateForm
    titleName
    declarationType
    declarationTypeText
    businessType
    businessTypeText
    regionName
    declarationPointName
    reason
    submittedAt
    decidedAt
    opinion
    newCertificateNumber
    files {
      id
      slot
      slotName
      fileName
    }
  }
`);

export const MyReissueApplicationsQuery = graphql(`
  query MyReissueApplications {
    myReissueApplications {
      ...ReissueApplicationFields
    }
  }
`);

export const ApplyForReissueMutation = graphql(`
  mutation ApplyForReissue($input: ReissueApplicationInput!) {
    applyForReissue(input: $input) {
      ...ReissueApplicationFields
    }
  }
`);

export const WithdrawReissueMutation = graphql(`
  mutation WithdrawReissueApplication($id: ID!) {
    withdrawReissueApplication(id: $id) {
      ...ReissueApplicationFields
    }
  }
`);

export const ReissueApplicationChangedSubscription = graphql(`
  subscription ReissueApplicationChanged {
    reissueApplicationChanged {
      resync
      application {
        id
        status
        statusText
      }
    }
  }
`);

export const HistoricalRegistrationFieldsFragment = graphql(`
  fragment HistoricalRegistrationFields on HistoricalRegistration {
    id
    status
    statusText
    certificateNumber
    holderName
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
    opinion
    replacedByCertificateNumber
    files {
      id
      slot
      slotName
      fileName
    }
  }
`);

export const MyHistoricalRegistrationsQuery = graphql(`
  query MyHistoricalRegistrations {
    myHistoricalRegistrations {
      ...HistoricalRegistrationFields
    }
  }
`);

export const RegisterHistoricalMutation = graphql(`
  mutation RegisterHistoricalCertificate($input: HistoricalRegistrationInput!) {
    registerHistoricalCertificate(input: $input) {
      ...HistoricalRegistrationFields
    }
  }
`);

export const WithdrawHistoricalMutation = graphql(`
  mutation WithdrawHistoricalRegistration($id: ID!) {
    withdrawHistoricalRegistration(id: $id) {
      ...HistoricalRegistrationFields
    }
  }
`);

export const HistoricalRegistrationChangedSubscription = graphql(`
  subscription HistoricalRegistrationChanged {
    historicalRegistrationChanged {
      resync
      registration {
        id
        status
        statusText
      }
    }
  }
`);
