import PDFDocument from 'pdfkit';
import { cjkFonts } from './fonts';

export interface Cell {
  text: string;
  /** Share of the row's width (the shares of a row add up to 1). */
  width: number;
  /** A label cell: bold on a grey background, centred. */
  label?: boolean;
  align?: 'left' | 'center' | 'right';
}

const PAD = 4;
const MIN_ROW = 22;
const LINE = 0.6;

/**
 * A PDF page with a cursor and bordered table rows that grow with their text and move to the
 * next page when they do not fit. Every piece of text is set in Noto Sans SC.
 */
export class Sheet {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  y: number;

  constructor(
    readonly title: string,
    private readonly layout: 'portrait' | 'landscape',
    private readonly footer: string,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout,
      margins: { top: 48, bottom: 56, left: 48, right: 48 },
      bufferPages: true,
      info: { Title: title, Producer: 'zhicheng', Creator: 'zhicheng business forms' },
      lang: 'zh-CN',
      displayTitle: true,
    });
    const { regular, bold } = cjkFonts();
    this.doc.registerFont('cjk', regular);
    this.doc.registerFont('cjk-bold', bold);
    this.doc.font('cjk');
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.y = this.doc.page.margins.top;
  }

  get left() {
    return this.doc.page.margins.left;
  }
  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
  }

  heading(text: string, sub?: string | null): void {
    this.doc.font('cjk-bold').fontSize(18);
    this.doc.text(text, this.left, this.y, { width: this.width, align: 'center' });
    this.y = this.doc.y + 6;
    if (sub) {
      this.doc.font('cjk').fontSize(10.5);
      this.doc.text(sub, this.left, this.y, { width: this.width, align: 'center' });
      this.y = this.doc.y + 4;
    }
    this.y += 6;
  }

  /** A line of plain text across the page (notes, signatures). */
  paragraph(
    text: string,
    options: { size?: number; align?: 'left' | 'right' | 'center'; gap?: number } = {},
  ) {
    this.doc.font('cjk').fontSize(options.size ?? 10.5);
    const height = this.doc.heightOfString(text, { width: this.width });
    if (this.y + height > this.bottom) this.newPage();
    this.doc.text(text, this.left, this.y, { width: this.width, align: options.align ?? 'left' });
    this.y = this.doc.y + (options.gap ?? 6);
  }

  /** A section caption above a table. */
  caption(text: string): void {
    if (this.y + 40 > this.bottom) this.newPage();
    this.doc.font('cjk-bold').fontSize(11.5);
    this.doc.text(text, this.left, this.y, { width: this.width });
    this.y = this.doc.y + 3;
  }

  private measure(cell: Cell, width: number, size: number): number {
    this.doc.font(cell.label ? 'cjk-bold' : 'cjk').fontSize(size);
    return this.doc.heightOfString(cell.text || ' ', { width: width - 2 * PAD });
  }

  /**
   * One bordered row. `repeat` rows (a table's header) are drawn again at the top of a new page
   * when the table breaks there.
   */
  row(cells: Cell[], options: { size?: number; minHeight?: number; repeat?: Cell[] } = {}): void {
    const size = options.size ?? 10;
    const widths = cells.map((cell) => cell.width * this.width);
    const height = Math.max(
      options.minHeight ?? MIN_ROW,
      ...cells.map((cell, i) => this.measure(cell, widths[i], size) + 2 * PAD),
    );
    if (this.y + height > this.bottom && this.y > this.doc.page.margins.top + 1) {
      this.newPage();
      if (options.repeat) this.row(options.repeat, { size });
    }
    let x = this.left;
    cells.forEach((cell, i) => {
      const w = widths[i];
      if (cell.label) this.doc.rect(x, this.y, w, height).fillColor('#f2f2f2').fill();
      this.doc.rect(x, this.y, w, height).lineWidth(LINE).strokeColor('#000000').stroke();
      this.doc
        .fillColor('#000000')
        .font(cell.label ? 'cjk-bold' : 'cjk')
        .fontSize(size);
      const textHeight = this.doc.heightOfString(cell.text || ' ', { width: w - 2 * PAD });
      // Centred vertically, except in a text box made tall on purpose (it fills from the top).
      const top = options.minHeight && !cell.label ? PAD : (height - textHeight) / 2;
      if (cell.text)
        this.doc.text(cell.text, x + PAD, this.y + Math.max(PAD, top), {
          width: w - 2 * PAD,
          align: cell.align ?? (cell.label ? 'center' : 'left'),
        });
      x += w;
    });
    this.y += height;
  }

  gap(points = 10): void {
    this.y += points;
  }

  /** Adds the footer (form name, when produced, page x of n) to every page and ends the PDF. */
  async finish(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const y = this.doc.page.height - this.doc.page.margins.bottom + 18;
      // Writing inside the bottom margin must not start a new page.
      const margin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.font('cjk').fontSize(8.5).fillColor('#555555');
      this.doc.text(`${this.footer}　第 ${i + 1} 页 共 ${range.count} 页`, this.left, y, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      this.doc.page.margins.bottom = margin;
    }
    this.doc.end();
    return this.done;
  }
}
