import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';

/** A self-signed signing certificate for PDFs, named after the issuer, and its RSA private key. */
export function makePdfSigningCertificate(
  issuerName: string,
  now = new Date(),
): { certificatePem: string; privateKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600_000);
  const subject = [
    { shortName: 'CN', value: forge.util.encodeUtf8(`${issuerName} 电子证书签章`) },
    { shortName: 'O', value: forge.util.encodeUtf8(issuerName) },
    { shortName: 'C', value: 'CN' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return { certificatePem: forge.pki.certificateToPem(cert), privateKeyPem };
}

/**
 * Signs certificate PDFs (adbe.pkcs7.detached, what every PDF reader shows in its signature
 * panel) with @signpdf. The signing certificate is self-signed, made with each Ed25519 signing
 * key (KeyRing) and stored beside it, its private key encrypted the same way: a reader shows
 * "signed by <issuer>, document not changed since", and that its signer is not on the reader's
 * trust list (an operator may publish the certificate for people to trust). What proves the
 * certificate genuine is the credential inside it (Ed25519, did:web, verified at /verify); the
 * PDF signature proves the file was not altered after it was made. A bureau with a CA-issued
 * document-signing certificate would put it here instead.
 */
export class PdfSigner {
  private readonly p12: Buffer;
  private readonly passphrase = randomBytes(24).toString('base64url');

  constructor(
    private readonly issuerName: string,
    material: { certificatePem: string; privateKeyPem: string },
  ) {
    // @signpdf reads PKCS#12; it is built here, in memory, under a passphrase of this process.
    const asn1 = forge.pkcs12.toPkcs12Asn1(
      forge.pki.privateKeyFromPem(material.privateKeyPem),
      [forge.pki.certificateFromPem(material.certificatePem)],
      this.passphrase,
      { algorithm: '3des' },
    );
    this.p12 = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
  }

  /** The PDF with a detached PKCS#7 signature over all of it (an invisible signature field). */
  async sign(pdf: Buffer, signingTime: Date): Promise<Buffer> {
    const withPlaceholder = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: '电子证书签发',
      contactInfo: '',
      name: this.issuerName,
      location: 'CN',
      signingTime,
      appName: 'zhicheng',
    });
    return new SignPdf().sign(
      withPlaceholder,
      new P12Signer(this.p12, { passphrase: this.passphrase }),
      signingTime,
    );
  }
}
