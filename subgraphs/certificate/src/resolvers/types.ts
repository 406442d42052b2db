import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { VerificationOutcome } from '../domain/verification';
import type { Certificate, HistoricalRegistration } from '../entities';
import type { VerificationResult } from '../services/verify';

registerEnumType(VerificationOutcome, {
  name: 'VerificationOutcome',
  description:
    'VALID 有效 · REGISTERED_PAPER 已登记的纸质证书（有效，无电子证书） · REVOKED 已作废 · NOT_FOUND 编号与姓名不符或不存在 · MALFORMED 凭证格式错误或不完整 · ' +
    'UNSUPPORTED_ALGORITHM 非本平台签名算法 · UNKNOWN_KEY 签名密钥不属于本平台 · BAD_SIGNATURE 签名无效（内容被改动） · ' +
    'NOT_ISSUED_HERE 签名有效但与登记的证书不一致',
});

export enum CertificateKindEnum {
  TITLE = 'TITLE',
  TALENT_LEVEL = 'TALENT_LEVEL',
}
registerEnumType(CertificateKindEnum, {
  name: 'CertificateKind',
  description: 'TITLE 职称证书 · TALENT_LEVEL 人才分类定级证书',
});

/** The kinds in words, as the certificates are titled. */
export const CERTIFICATE_KIND_WORDS: Record<CertificateKindEnum, string> = {
  TITLE: '职称证书',
  TALENT_LEVEL: '人才分类定级证书',
};

export enum CertificateStatus {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
}
registerEnumType(CertificateStatus, {
  name: 'CertificateStatus',
  description: 'VALID 有效 / REVOKED 已作废',
});

export enum CertificateForm {
  ELECTRONIC = 'ELECTRONIC',
  REGISTERED_PAPER = 'REGISTERED_PAPER',
}
registerEnumType(CertificateForm, {
  name: 'CertificateForm',
  description:
    'ELECTRONIC 电子证书 (signed, with a credential) / REGISTERED_PAPER 已登记的纸质证书 (历史职称数据登记, no credential)',
});

/** identity's Person; certificate adds the person's certificates (the person only). */
@Directive('@key(fields: "id")')
@ObjectType('Person')
export class PersonRef {
  @Field(() => ID) id!: string;
  static of(id: string): PersonRef {
    return Object.assign(new PersonRef(), { id });
  }
}

/** declaration's Declaration; certificate adds the certificate issued for it (its holder only). */
@Directive('@key(fields: "id")')
@ObjectType('Declaration')
export class DeclarationRef {
  @Field(() => ID) id!: string;
  static of(id: string): DeclarationRef {
    return Object.assign(new DeclarationRef(), { id });
  }
}

/** What a certificate says, as printed (shared by the holder's view and public verification). */
@ObjectType()
abstract class CertificateFields {
  @Field(() => CertificateKindEnum, { description: 'What it certifies: a title or a talent class' })
  kind!: CertificateKindEnum;
  @Field({ description: '职称证书 / 人才分类定级证书' }) kindText!: string;
  @Field({ description: '证书编号: JL + 4-digit issue year + 8-digit serial' }) number!: string;
  @Field({ description: '持证人姓名' }) holderName!: string;
  @Field(() => String, { nullable: true, description: '身份证件号码（脱敏）' })
  holderIdNumberMasked!: string | null;
  @Field({ description: '职称名称 (人才分类定级证书: 人才分类定级)' }) titleName!: string;
  @Field(() => String, { nullable: true, description: '系列' }) seriesName!: string | null;
  @Field(() => String, { nullable: true, description: '专业' }) specialtyName!: string | null;
  @Field({ description: '级别 (人才分类定级证书: 人才类别, e.g. C类)' }) levelName!: string;
  @Field(() => String, { nullable: true, description: '评审委员会 (人才分类定级证书: 认定机构)' })
  committeeName!: string | null;
  @Field(() => String, { nullable: true, description: '人才分类定级证书: 认定标准' })
  recognitionStandard!: string | null;
  @Field({ description: '评审通过日期 / 认定日期 (YYYY-MM-DD)' }) approvedOn!: string;
  @Field({ description: '发证日期' }) issuedAt!: Date;
  @Field({ description: '发证机关' }) issuerName!: string;
  @Field(() => CertificateStatus) status!: CertificateStatus;
  @Field({ description: '有效 / 已作废' }) statusText!: string;
  @Field(() => Date, { nullable: true, description: '作废日期' }) revokedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '作废原因' }) revocationReason!: string | null;
  @Field(() => CertificateForm, { description: 'An e-certificate, or a registered paper certificate' })
  form!: CertificateForm;
  @Field({ description: '电子证书 / 已登记的纸质证书' }) formText!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The number of the certificate this one replaces (补办/换发; a paper certificate’s printed number)',
  })
  replacesNumber!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The number of the certificate that replaces this one (补办/换发), once one does',
  })
  replacedByNumber!: string | null;
}

/** The `replaces` number the credential carries (as issued), or null. */
function replacesOf(credential: string): string | null {
  try {
    const payload = JSON.parse(Buffer.from(credential.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      credentialSubject?: { replaces?: unknown };
    };
    const replaces = payload.credentialSubject?.replaces;
    return typeof replaces === 'string' ? replaces : null;
  } catch {
    return null;
  }
}

function fieldsOf(row: Certificate, replacedByNumber: string | null = null) {
  const kind = row.kind === 'TALENT_LEVEL' ? CertificateKindEnum.TALENT_LEVEL : CertificateKindEnum.TITLE;
  return {
    kind,
    kindText: CERTIFICATE_KIND_WORDS[kind],
    recognitionStandard: row.recognitionStandard ?? null,
    form: CertificateForm.ELECTRONIC,
    formText: '电子证书',
    replacesNumber: replacesOf(row.credential),
    replacedByNumber,
    number: row.number,
    holderName: row.holderName,
    holderIdNumberMasked: row.holderIdNumberMasked ?? null,
    titleName: row.titleName,
    seriesName: row.seriesName ?? null,
    specialtyName: row.specialtyName ?? null,
    levelName: row.levelName,
    committeeName: row.committeeName ?? null,
    approvedOn: row.approvedOn,
    issuedAt: row.issuedAt,
    issuerName: row.issuerName,
    status: row.revokedAt ? CertificateStatus.REVOKED : CertificateStatus.VALID,
    statusText: row.revokedAt ? '已作废' : '有效',
    revokedAt: row.revokedAt ?? null,
    revocationReason: row.revocationReason ?? null,
  };
}

/** 电子证书, as its holder sees it (我的证照). */
@Directive('@key(fields: "id")')
@ObjectType('Certificate')
export class CertificateView extends CertificateFields {
  @Field(() => ID) id!: string;
  @Field(() => DeclarationRef, {
    nullable: true,
    description:
      'The declaration behind the certificate (null for one issued from a registered paper certificate)',
  })
  declaration!: DeclarationRef | null;
  @Field({
    description:
      'The W3C Verifiable Credential 2.0 as a compact JWS (EdDSA, kid in did:web:<origin>): verifiable offline with the keys in /.well-known/did.json',
  })
  credential!: string;
  /** Not in the schema: whose it is, for the holder-only fields (pdfUrl). */
  holderPersonId!: string;

  /** Not in the schema: the successor's id (replacedByNumber is resolved from it). */
  replacedById!: string | null;

  static of(row: Certificate): CertificateView {
    return Object.assign(new CertificateView(), {
      ...fieldsOf(row),
      id: row.id,
      holderPersonId: row.holderPersonId,
      replacedById: row.replacedById ?? null,
      declaration: row.declarationId ? DeclarationRef.of(row.declarationId) : null,
      credential: row.credential,
    });
  }
}

/** What anyone verifying learns of a certificate: what is printed on it, and its status. */
@ObjectType('VerifiedCertificate')
export class VerifiedCertificateView extends CertificateFields {
  static of(row: Certificate, replacedByNumber: string | null = null): VerifiedCertificateView {
    return Object.assign(new VerifiedCertificateView(), fieldsOf(row, replacedByNumber));
  }

  /** A registered paper certificate, as printed (its issue date at midnight, China time). */
  static ofPaper(
    row: HistoricalRegistration,
    replacedByNumber: string | null = null,
  ): VerifiedCertificateView {
    return Object.assign(new VerifiedCertificateView(), {
      // 历史职称数据登记 registers 职称证书 only (seed 004 第四章); kind is non-null, so without it
      // the whole certificate would read null.
      kind: CertificateKindEnum.TITLE,
      kindText: CERTIFICATE_KIND_WORDS[CertificateKindEnum.TITLE],
      form: CertificateForm.REGISTERED_PAPER,
      formText: '已登记的纸质证书',
      replacesNumber: null,
      replacedByNumber,
      number: row.certificateNumber,
      holderName: row.holderName,
      holderIdNumberMasked: row.holderIdNumberMasked,
      titleName: row.titleName,
      seriesName: row.seriesName ?? null,
      specialtyName: row.specialtyName,
      levelName: row.levelName,
      committeeName: row.committeeName ?? null,
      approvedOn: row.obtainedOn,
      issuedAt: new Date(`${row.issuedOn}T00:00:00+08:00`),
      issuerName: row.issuerName,
      status: replacedByNumber ? CertificateStatus.REVOKED : CertificateStatus.VALID,
      statusText: replacedByNumber ? '已作废' : '有效',
      revokedAt: null,
      revocationReason: replacedByNumber ? `已补办为电子证书 ${replacedByNumber}` : null,
    });
  }
}

@ObjectType('CertificateVerification', {
  description: 'The answer of a verification: an outcome code to branch on and a sentence to show',
})
export class CertificateVerificationView {
  @Field(() => VerificationOutcome) outcome!: VerificationOutcome;
  @Field({
    description:
      'True when the certificate is genuine and in force: VALID (an e-certificate) or REGISTERED_PAPER (a paper certificate the bureau registered)',
  })
  valid!: boolean;
  @Field({ description: 'What the outcome means, in Chinese, for people' }) message!: string;
  @Field(() => VerifiedCertificateView, { nullable: true }) certificate!: VerifiedCertificateView | null;
  @Field(() => String, { nullable: true, description: 'The verification method that signed it' })
  keyId!: string | null;

  static of(result: VerificationResult): CertificateVerificationView {
    return Object.assign(new CertificateVerificationView(), {
      outcome: result.outcome,
      valid:
        result.outcome === VerificationOutcome.VALID ||
        result.outcome === VerificationOutcome.REGISTERED_PAPER,
      message: result.message,
      certificate: result.certificate
        ? VerifiedCertificateView.of(result.certificate, result.replacedByNumber ?? null)
        : result.paper
          ? VerifiedCertificateView.ofPaper(result.paper, result.replacedByNumber ?? null)
          : null,
      keyId: result.keyId,
    });
  }
}

@ObjectType('CertificateIssuedChange')
export class CertificateIssuedChangeView {
  @Field({ description: 'True after a reconnect: notices may have been missed, refetch myCertificates' })
  resync!: boolean;
  @Field(() => CertificateView, { nullable: true }) certificate!: CertificateView | null;
}
