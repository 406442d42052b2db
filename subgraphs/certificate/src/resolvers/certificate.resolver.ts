import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ApiScope, assertClientScope } from '@zhicheng/server-kit';
import type { CertificateContext } from '../context';
import { certificateByDeclaration, certificateById, certificatesByHolder } from '../loaders';
import { isHolderOf, isPersonSelf, requireHolder } from '../services/access';
import { verifyByNumber, verifyCredential } from '../services/verify';
import { CertificateVerificationView, CertificateView, DeclarationRef, PersonRef } from './types';

@Resolver()
export class CertificateResolver {
  @Query(() => [CertificateView], {
    description: '我的证照: the signed-in person’s certificates, newest first',
  })
  async myCertificates(@Ctx() ctx: CertificateContext): Promise<CertificateView[]> {
    const personId = requireHolder(ctx.auth);
    return (await certificatesByHolder(ctx).load(personId)).map(CertificateView.of);
  }

  @Query(() => CertificateVerificationView, {
    description:
      '证书查询验证 by number and holder name, for anyone (no sign-in). An unknown number and a wrong name both answer NOT_FOUND; ' +
      'rate-limited per client address (RATE_LIMITED with retryAfterSeconds).',
  })
  async verifyCertificate(
    @Arg('number') number: string,
    @Arg('holderName') holderName: string,
    @Ctx() ctx: CertificateContext,
  ): Promise<CertificateVerificationView> {
    // Anyone may verify; a third-party client needs certificates:verify.
    assertClientScope(ctx.auth.principal, ApiScope.CERTIFICATES_VERIFY);
    return CertificateVerificationView.of(
      await verifyByNumber(ctx.em, ctx.deps, ctx.clientIp, { number, holderName }),
    );
  }

  @Query(() => CertificateVerificationView, {
    description:
      'Verifies a whole credential (the compact JWS of a downloaded certificate or its QR code), for anyone: signature against ' +
      'the current and older keys, that it is the credential registered, and its revocation status.',
  })
  async verifyCredential(
    @Arg('credential') credential: string,
    @Ctx() ctx: CertificateContext,
  ): Promise<CertificateVerificationView> {
    assertClientScope(ctx.auth.principal, ApiScope.CERTIFICATES_VERIFY);
    return CertificateVerificationView.of(await verifyCredential(ctx.em, ctx.deps, credential));
  }
}

/** The holder's own links to the certificate's files. */
@Resolver(() => CertificateView)
export class CertificateFilesResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'A link to the certificate as a signed PDF (A4, QR code, the credential attached as credential.jwt), on the gateway’s ' +
      'origin, valid for a few minutes (DOWNLOAD_LINK_TTL_SECONDS): ask again for a fresh one. The holder only, else null.',
  })
  pdfUrl(@Root() certificate: CertificateView, @Ctx() ctx: CertificateContext): string | null {
    if (!isHolderOf(ctx.auth, certificate)) return null;
    return ctx.deps.pdfLinks.link(certificate.id, certificate.holderPersonId, ctx.deps.now()).url;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The number of the certificate that replaces this one (补办/换发), once one does',
  })
  async replacedByNumber(@Root() certificate: CertificateView, @Ctx() ctx: CertificateContext) {
    if (!certificate.replacedById) return null;
    return (await certificateById(ctx).load(certificate.replacedById))?.number ?? null;
  }
}

/** A person's certificates are theirs alone: anyone else reads an empty list. */
@Resolver(() => PersonRef)
export class PersonCertificateResolver {
  @FieldResolver(() => [CertificateView], { description: '我的证照 (the person only, else empty)' })
  async certificates(@Root() person: PersonRef, @Ctx() ctx: CertificateContext): Promise<CertificateView[]> {
    if (!isPersonSelf(ctx.auth, person.id)) return [];
    return (await certificatesByHolder(ctx).load(person.id)).map(CertificateView.of);
  }
}

@Resolver(() => DeclarationRef)
export class DeclarationCertificateResolver {
  @FieldResolver(() => CertificateView, {
    nullable: true,
    description: 'The certificate issued on its 终审通过 (its holder only, else null)',
  })
  async certificate(
    @Root() declaration: DeclarationRef,
    @Ctx() ctx: CertificateContext,
  ): Promise<CertificateView | null> {
    const row = await certificateByDeclaration(ctx).load(declaration.id);
    return row && isHolderOf(ctx.auth, row) ? CertificateView.of(row) : null;
  }
}
