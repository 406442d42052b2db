// The certificate as a W3C Verifiable Credential 2.0 (https://www.w3.org/TR/vc-data-model-2.0/),
// secured with JOSE (https://www.w3.org/TR/vc-jose-cose/): the JWS payload is the credential
// itself, the protected header says `typ: vc+jwt`, `cty: vc`, `alg: EdDSA` and the signing key's
// verification method id as `kid`. The terms beyond the base context fall under its @vocab.
import { STATUS_PURPOSE, statusListPosition } from './status-list';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const CREDENTIAL_TYPE = 'ProfessionalTitleCertificate';
/** A 人才分类定级证书's credential type. */
export const TALENT_CREDENTIAL_TYPE = 'TalentClassificationCertificate';
export const JWS_TYPE = 'vc+jwt';

export interface CertificateFacts {
  /** TITLE (absent: TITLE) or TALENT_LEVEL. */
  kind?: 'TITLE' | 'TALENT_LEVEL';
  certificateId: string;
  number: string;
  /** The declaration behind it (null for one issued from a registered paper certificate). */
  declarationId: string | null;
  /** The number of the certificate it replaces (补办/换发), if any. */
  replacesNumber?: string | null;
  holderName: string;
  holderIdNumberMasked: string | null;
  titleName: string;
  seriesName: string | null;
  specialtyName: string | null;
  levelName: string;
  committeeName: string | null;
  /** YYYY-MM-DD */
  approvedOn: string;
  issuedAt: Date;
  issuerName: string;
  statusListIndex: number;
  /** TALENT_LEVEL: 认定标准. */
  recognitionStandard?: string | null;
}

/** What a 人才分类定级证书 certifies: the holder's talent class, who decided it and by which standard. */
export interface TalentClassificationSubject {
  type: 'TalentClassificationHolder';
  name: string;
  idNumberMasked: string | null;
  certificateNumber: string;
  /** 人才类别, e.g. C类. */
  talentCategory: string;
  /** 认定标准 (null when the class awarded is not the one applied for). */
  recognitionStandard: string | null;
  /** 认定机构: the body that recorded the result. */
  recognisedBy: string | null;
  /** 认定日期 (YYYY-MM-DD). */
  recognitionDate: string;
  declarationId: string | null;
  /** The number of the certificate this one replaces (补办/换发). */
  replaces?: string;
}

export interface CertificateCredential {
  '@context': string[];
  id: string;
  type: string[];
  name: string;
  issuer: { id: string; name: string };
  validFrom: string;
  credentialSubject: TitleSubject | TalentClassificationSubject;
  credentialStatus: {
    id: string;
    type: 'BitstringStatusListEntry';
    statusPurpose: string;
    statusListIndex: string;
    statusListCredential: string;
  };
}

/** What a 职称证书 certifies. */
export interface TitleSubject {
  type: string;
  name: string;
  idNumberMasked: string | null;
  certificateNumber: string;
  titleName: string;
  series: string | null;
  specialty: string | null;
  level: string;
  committee: string | null;
  approvalDate: string;
  declarationId: string | null;
  /** The number of the certificate (or registered paper certificate) this one replaces. */
  replaces?: string;
}

export function statusListUrl(publicUrl: string, list: number): string {
  return new URL(`/credentials/status/${list}`, publicUrl).toString();
}

export function certificateCredentialId(certificateId: string): string {
  return `urn:uuid:${certificateId}`;
}

export function buildCredential(facts: CertificateFacts, issuer: { did: string; publicUrl: string }) {
  const { list, bit } = statusListPosition(facts.statusListIndex);
  const listUrl = statusListUrl(issuer.publicUrl, list);
  const talent = facts.kind === 'TALENT_LEVEL';
  const credential: CertificateCredential = {
    '@context': [VC_CONTEXT],
    id: certificateCredentialId(facts.certificateId),
    type: ['VerifiableCredential', talent ? TALENT_CREDENTIAL_TYPE : CREDENTIAL_TYPE],
    name: talent ? '人才分类定级电子证书' : '职称电子证书',
    issuer: { id: issuer.did, name: facts.issuerName },
    validFrom: facts.issuedAt.toISOString(),
    credentialSubject: talent
      ? talentSubject(facts)
      : {
          type: 'ProfessionalTitleHolder',
          name: facts.holderName,
          idNumberMasked: facts.holderIdNumberMasked,
          certificateNumber: facts.number,
          titleName: facts.titleName,
          series: facts.seriesName,
          specialty: facts.specialtyName,
          level: facts.levelName,
          committee: facts.committeeName,
          approvalDate: facts.approvedOn,
          declarationId: facts.declarationId,
          ...(facts.replacesNumber ? { replaces: facts.replacesNumber } : {}),
        },
    credentialStatus: {
      id: `${listUrl}#${bit}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: STATUS_PURPOSE,
      statusListIndex: String(bit),
      statusListCredential: listUrl,
    },
  };
  return credential;
}

function talentSubject(facts: CertificateFacts): TalentClassificationSubject {
  return {
    type: 'TalentClassificationHolder',
    name: facts.holderName,
    idNumberMasked: facts.holderIdNumberMasked,
    certificateNumber: facts.number,
    talentCategory: facts.levelName,
    recognitionStandard: facts.recognitionStandard ?? null,
    recognisedBy: facts.committeeName,
    recognitionDate: facts.approvedOn,
    declarationId: facts.declarationId,
    ...(facts.replacesNumber ? { replaces: facts.replacesNumber } : {}),
  };
}

/** The status list credential published at statusListUrl(list), re-signed on every request. */
export function buildStatusListCredential(
  issuer: { did: string; publicUrl: string; name: string },
  list: number,
  encodedList: string,
  validFrom: Date,
) {
  const url = statusListUrl(issuer.publicUrl, list);
  return {
    '@context': [VC_CONTEXT],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: { id: issuer.did, name: issuer.name },
    validFrom: validFrom.toISOString(),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: STATUS_PURPOSE,
      encodedList,
    },
  };
}
