import PDFDocument from 'pdfkit';
import { cjkFonts } from '@zhicheng/business-forms';
import { qrMatrix, verifyLink } from './qr';

/** The kinds of certificate printed; 人才分类定级 gets its own when that channel issues one. */
export type CertificateKind = 'TITLE' | 'TALENT_LEVEL';

export const CERTIFICATE_TITLES: Record<CertificateKind, string> = {
  TITLE: '专业技术职务任职资格证书',
  TALENT_LEVEL: '人才分类定级证书',
};

/** The attached file that holds the certificate's own proof (the signed credential). */
export const CREDENTIAL_ATTACHMENT = 'credential.jwt';

export interface PrintedCertificate {
  kind?: CertificateKind;
  number: string;
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
  /** The compact JWS, printed as the QR code and attached as credential.jwt. */
  credential: string;
  /** TALENT_LEVEL: 认定标准. */
  recognitionStandard?: string | null;
}

/** The English line under the title. */
const CERTIFICATE_SUBTITLES: Record<CertificateKind, string> = {
  TITLE: 'Certificate of Professional and Technical Qualification',
  TALENT_LEVEL: 'Certificate of Talent Classification',
};

const RED = '#b0141e';
const INK = '#1f1f1f';
const GREY = '#6b6b6b';

/** 2026年12月02日 in China time. */
export function chineseDate(value: Date | string): string {
  const date =
    typeof value === 'string'
      ? value
      : new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(value);
  const [y, m, d] = date.split('-');
  return `${y}年${m}月${d}日`;
}

/**
 * The certificate as an A4 landscape PDF: title, the statement, the printed fields, the issuer
 * and date with a drawn seal mark, the QR code of the /verify link (with the credential) and
 * the credential attached as credential.jwt. Not yet PDF-signed (sign.ts does that).
 */
export function renderCertificatePdf(
  certificate: PrintedCertificate,
  options: { publicUrl: string },
): Promise<Buffer> {
  const title = CERTIFICATE_TITLES[certificate.kind ?? 'TITLE'];
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: `${title} ${certificate.number}`,
      Author: certificate.issuerName,
      Subject: `${certificate.holderName} ${certificate.titleName}`,
      Producer: 'zhicheng',
      Creator: 'zhicheng certificate',
    },
    lang: 'zh-CN',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { regular, bold } = cjkFonts();
  doc.registerFont('cjk', regular);
  doc.registerFont('cjk-bold', bold);

  const W = doc.page.width;
  const H = doc.page.height;

  // Frame: a heavy outer line and a fine inner one.
  doc
    .lineWidth(3)
    .strokeColor(RED)
    .rect(20, 20, W - 40, H - 40)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(28, 28, W - 56, H - 56)
    .stroke();

  doc.font('cjk-bold').fontSize(30).fillColor(RED);
  doc.text(title, 0, 58, { width: W, align: 'center', characterSpacing: 6 });
  doc.font('cjk').fontSize(10).fillColor(GREY);
  doc.text(CERTIFICATE_SUBTITLES[certificate.kind ?? 'TITLE'], 0, 102, { width: W, align: 'center' });

  const left = 70;
  const textWidth = 480;
  const talent = certificate.kind === 'TALENT_LEVEL';
  const committee = certificate.committeeName ?? (talent ? certificate.issuerName : '评审委员会');
  doc.font('cjk').fontSize(15).fillColor(INK);
  doc.text(
    talent
      ? `兹证明 ${certificate.holderName} 同志，经${committee}认定，人才类别为${certificate.levelName}，特发此证。`
      : `兹证明 ${certificate.holderName} 同志，经${committee}评审通过，具备${certificate.titleName}（${certificate.levelName}）专业技术职务任职资格，特发此证。`,
    left,
    140,
    { width: textWidth, lineGap: 6 },
  );

  // The printed fields, two to a row, the long ones across.
  let y = Math.max(doc.y + 18, 230);
  const row = (cells: Array<[string, string | null]>) => {
    const cellWidth = textWidth / cells.length;
    let height = 0;
    cells.forEach(([label, value], i) => {
      const x = left + i * cellWidth;
      doc.font('cjk').fontSize(10.5).fillColor(GREY);
      doc.text(label, x, y + 1.5, { width: 78, lineBreak: false });
      doc.font('cjk').fontSize(12.5).fillColor(INK);
      doc.text(value ?? '—', x + 80, y, { width: cellWidth - 86 });
      height = Math.max(height, doc.y - y);
    });
    y += Math.max(height, 16) + 10;
  };
  row([
    ['姓　　名', certificate.holderName],
    ['证件号码', certificate.holderIdNumberMasked],
  ]);
  if (talent) {
    row([
      ['证书编号', certificate.number],
      ['人才类别', certificate.levelName],
    ]);
    row([['认定标准', certificate.recognitionStandard ?? null]]);
    row([
      ['认定机构', certificate.committeeName],
      ['认定日期', chineseDate(certificate.approvedOn)],
    ]);
  } else {
    row([
      ['证书编号', certificate.number],
      ['资格名称', certificate.titleName],
    ]);
    row([
      ['系　　列', certificate.seriesName],
      ['专　　业', certificate.specialtyName],
    ]);
    row([
      ['级　　别', certificate.levelName],
      ['评审通过日期', chineseDate(certificate.approvedOn)],
    ]);
    row([['评审委员会', certificate.committeeName]]);
  }
  row([['发证机关', certificate.issuerName]]);
  row([['发证日期', chineseDate(certificate.issuedAt)]]);

  // The QR code of the /verify link, drawn as vector modules (sharp at any print size).
  const link = verifyLink(options.publicUrl, certificate.credential);
  const qr = qrMatrix(link);
  const qrSide = 200;
  const qrX = W - 70 - qrSide;
  const qrY = 120;
  const quiet = 4;
  const module = qrSide / (qr.size + 2 * quiet);
  doc.save().fillColor('#ffffff').rect(qrX, qrY, qrSide, qrSide).fill().restore();
  doc.save().fillColor('#000000');
  for (let r = 0; r < qr.size; r++)
    for (let c = 0; c < qr.size; c++)
      if (qr.dark(r, c)) doc.rect(qrX + (quiet + c) * module, qrY + (quiet + r) * module, module, module);
  doc.fill().restore();
  doc.link(qrX, qrY, qrSide, qrSide, link);
  doc.font('cjk').fontSize(9).fillColor(GREY);
  doc.text('扫码验证证书真伪（含签名与作废状态）', qrX - 10, qrY + qrSide + 6, {
    width: qrSide + 20,
    align: 'center',
  });

  // Issuer, date and the seal mark over them.
  const sealX = W - 170;
  const sealY = H - 135;
  doc.font('cjk').fontSize(14).fillColor(INK);
  doc.text(certificate.issuerName, sealX - 120, sealY - 14, { width: 240, align: 'center' });
  doc.text(chineseDate(certificate.issuedAt), sealX - 120, sealY + 10, { width: 240, align: 'center' });
  drawSeal(doc, sealX, sealY, 52, certificate.issuerName);

  doc.font('cjk').fontSize(8.5).fillColor(GREY);
  doc.text(
    `本证书为电子证书，内嵌可验证凭证（${CREDENTIAL_ATTACHMENT}，W3C 可验证凭证，Ed25519 签名），可在 ${new URL('/verify', options.publicUrl).toString()} 按证书编号和姓名、扫码或上传本文件验证。`,
    left,
    H - 62,
    { width: W - 2 * left, align: 'left' },
  );

  // The downloaded file carries its own proof.
  doc.file(Buffer.from(certificate.credential, 'utf8'), {
    name: CREDENTIAL_ATTACHMENT,
    type: 'application/vc+jwt',
    description: '证书的可验证凭证（W3C Verifiable Credential 2.0，compact JWS）',
    creationDate: certificate.issuedAt,
  });

  doc.end();
  return done;
}

/**
 * A round red seal mark over the issuer and date (as a stamp sits on them): ring, five-pointed star,
 * the issuer's name along the upper arc. A drawing: the signatures are the proof.
 */
function drawSeal(doc: PDFKit.PDFDocument, cx: number, cy: number, radius: number, text: string): void {
  doc.save().opacity(0.85).strokeColor(RED).fillColor(RED);
  doc.lineWidth(3).circle(cx, cy, radius).stroke();
  doc
    .lineWidth(0.8)
    .circle(cx, cy, radius - 5)
    .stroke();

  const outer = radius * 0.3;
  const inner = outer * 0.382;
  const points: Array<[number, number]> = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  doc.polygon(...points).fill();

  // The characters spread over 240° of the top, each turned to face out.
  const chars = [...text];
  const size = Math.min(12, (radius * 0.9 * Math.PI * (240 / 180)) / Math.max(chars.length, 1) - 1);
  const textRadius = radius - 10 - size / 2;
  const span = chars.length > 1 ? 240 : 0;
  doc.font('cjk-bold').fontSize(size);
  chars.forEach((ch, i) => {
    const degrees = 210 - (chars.length > 1 ? (span * i) / (chars.length - 1) : 0);
    const a = (degrees * Math.PI) / 180;
    const x = cx + textRadius * Math.cos(a);
    const y = cy - textRadius * Math.sin(a);
    doc
      .save()
      .translate(x, y)
      .rotate(90 - degrees);
    doc.text(ch, -size / 2, -size * 0.7, { lineBreak: false });
    doc.restore();
  });
  doc.restore();
}
