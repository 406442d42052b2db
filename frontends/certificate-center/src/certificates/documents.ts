// 我的证照: the holder's certificates, a fresh PDF link, and the live notice of a new one.
import { graphql } from '../gql';

export const CertificateFieldsFragment = graphql(`
  fragment CertificateFields on Certificate {
    id
    kind
    kindText
    replacesNumber
    replacedByNumber
    number
    holderName
    holderIdNumberMasked
    titleName
    seriesName
    specialtyName
    levelName
    committeeName
    approvedOn
    issuedAt
    issuerName
    status
    statusText
    revokedAt
    revocationReason
    declaration {
      id
    }
  }
`);

export const MyCertificatesQuery = graphql(`
  query MyCertificates {
    myCertificates {
      ...CertificateFields
    }
  }
`);

/** Asked right before a preview or download: a pdfUrl lives a few minutes only. */
export const CertificatePdfLinksQuery = graphql(`
  query CertificatePdfLinks {
    myCertificates {
      id
      pdfUrl
    }
  }
`);

export const CertificateIssuedSubscription = graphql(`
  subscription CertificateIssued {
    certificateIssued {
      resync
      certificate {
        id
        number
      }
    }
  }
`);
