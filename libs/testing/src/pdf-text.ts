import { inflateSync } from 'node:zlib';

/**
 * Reads the text of a PDF as a viewer's copy-and-paste would: for every text-showing operator in
 * the page content streams, the glyph ids are mapped back to Unicode through the font's
 * ToUnicode CMap. Only what pdfkit writes is handled (uncompressed object table, Flate streams,
 * Identity-H fonts, Tj/TJ); enough to prove the Chinese text round-trips without a system tool.
 */
export interface PdfFacts {
  /** All text, in content order, with no separators (so wrapped lines join up again). */
  text: string;
  pageCount: number;
  /** BaseFont names of the fonts used, e.g. ABCDEF+NotoSansSC-Regular. */
  fonts: string[];
  /** Whether every used font embeds its program (FontFile2) and has a ToUnicode map. */
  fontsEmbedded: boolean;
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const latin = pdf.toString('latin1');
  const start = /(\d+) 0 obj\s*/g;
  let match: RegExpExecArray | null;
  while ((match = start.exec(latin))) {
    const id = Number(match[1]);
    const bodyStart = start.lastIndex;
    const end = latin.indexOf('endobj', bodyStart);
    const body = latin.slice(bodyStart, end);
    const streamAt = body.indexOf('stream');
    if (streamAt >= 0 && /\/Length (\d+)/.test(body.slice(0, streamAt))) {
      const dict = body.slice(0, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      let dataStart = bodyStart + streamAt + 'stream'.length;
      if (latin[dataStart] === '\r') dataStart++;
      if (latin[dataStart] === '\n') dataStart++;
      let data = pdf.subarray(dataStart, dataStart + length);
      if (dict.includes('/FlateDecode')) data = inflateSync(data);
      objects.set(id, { dict, stream: data });
    } else objects.set(id, { dict: body });
    start.lastIndex = end;
  }
  return objects;
}

const ref = (dict: string, key: string): number | undefined => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

const utf16 = (hex: string) => {
  const bytes = Buffer.from(hex, 'hex');
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes.readUInt16BE(i));
  return out;
};

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const line of block[1].matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const from = parseInt(line[1], 16);
      const to = parseInt(line[2], 16);
      if (line[3].startsWith('[')) {
        // A ligature maps to several characters, which pdfkit writes with a space: <0066 0069>.
        const items = [...line[3].matchAll(/<([0-9a-fA-F\s]+)>/g)].map((m) => utf16(m[1].replace(/\s/g, '')));
        items.forEach((text, i) => map.set(from + i, text));
      } else {
        const base = parseInt(line[3].slice(1, -1), 16);
        for (let code = from; code <= to; code++) map.set(code, String.fromCharCode(base + code - from));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const line of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(line[1], 16), utf16(line[2]));
  return map;
}

export function readPdf(pdf: Buffer): PdfFacts {
  const objects = readObjects(pdf);
  const get = (id: number | undefined) => (id === undefined ? undefined : objects.get(id));
  const pages = [...objects.values()].filter((o) => /\/Type \/Page\b/.test(o.dict));
  const fonts = new Set<string>();
  let fontsEmbedded = true;
  let text = '';
  for (const page of pages) {
    const resources = get(ref(page.dict, 'Resources'))?.dict ?? page.dict;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const maps = new Map<string, Map<number, string>>();
    for (const [, name, id] of fontDict.matchAll(/\/(\S+?) (\d+) 0 R/g)) {
      const font = get(Number(id));
      if (!font) continue;
      const descendant = get(Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(font.dict)?.[1]));
      const descriptor = get(ref(descendant?.dict ?? '', 'FontDescriptor'));
      const toUnicode = get(ref(font.dict, 'ToUnicode'));
      fonts.add(/\/BaseFont \/(\S+)/.exec(font.dict)?.[1] ?? '?');
      if (!descriptor || !/\/FontFile2 \d+ 0 R/.test(descriptor.dict) || !toUnicode?.stream)
        fontsEmbedded = false;
      maps.set(name, toUnicode?.stream ? parseCMap(toUnicode.stream.toString('latin1')) : new Map());
    }
    const content = get(ref(page.dict, 'Contents'))?.stream?.toString('latin1') ?? '';
    let current = new Map<number, string>();
    for (const op of content.matchAll(
      /\/(\S+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[^\]])*)\] TJ|<([0-9a-fA-F]*)> Tj/g,
    )) {
      if (op[1]) {
        current = maps.get(op[1]) ?? new Map();
        continue;
      }
      const hexes = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]) : [op[3]];
      for (const hex of hexes)
        for (let i = 0; i + 3 < hex.length + 0; i += 4)
          text += current.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
    }
  }
  return { text, pageCount: pages.length, fonts: [...fonts], fontsEmbedded };
}
