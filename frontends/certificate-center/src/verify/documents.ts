// 证书查询验证 (public, no sign-in): by number + holder name, and a whole credential.
import { graphql } from '../gql';

export const VerificationFieldsFragment = graphql(`
  fragment VerificationFields on CertificateVerification {
    outcome
    valid
    message
    keyId
    certificate {
      kind
      kindText
      form
      formText
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
    }
  }
`);

export const VerifyCertificateQuery = graphql(`
  query VerifyCertificate($number: String!, $holderName: String!) {
    verifyCertificate(number: $number, holderName: $holderName) {
      ...VerificationFields
    }
  }
`);

export const VerifyCredentialQuery = graphql(`
  query VerifyCredential($credential: String!) {
    verifyCredential(credential: $credential) {
      ...VerificationFields
    }
  }
`);
