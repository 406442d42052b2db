// Console formatting: name prefixes, readable pino lines, and the demo-account table.

const COLOURS = [36, 33, 35, 32, 34, 91, 96, 93];

export interface Prefixer {
  (name: string): string;
}

/** `[identity]   ` padded to the longest name, coloured per process when the console supports it. */
export function makePrefixer(names: readonly string[], colour: boolean): Prefixer {
  const width = Math.max(...names.map((n) => n.length), 8);
  const known = [...names];
  return (name) => {
    let index = known.indexOf(name);
    if (index < 0) index = known.push(name) - 1;
    const label = `[${name}]`.padEnd(width + 2);
    return colour ? `\u001b[${COLOURS[index % COLOURS.length]}m${label}\u001b[0m` : label;
  };
}

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const NOISE = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'msg',
  'service',
  'name',
  'v',
  'req',
  'res',
  'err',
]);

interface PinoLine {
  level?: number;
  msg?: string;
  err?: { message?: string; stack?: string };
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  [key: string]: unknown;
}

/**
 * Turns a pino JSON line into `INFO message key=value`, so development logs read like logs; any other
 * line is returned as is. Only a summary is shown — set ZC_RAW_LOGS=1 for the JSON.
 */
export function formatLogLine(line: string): string {
  if (!line.startsWith('{')) return line;
  let parsed: PinoLine;
  try {
    parsed = JSON.parse(line) as PinoLine;
  } catch {
    return line;
  }
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.msg !== 'string') return line;
  const parts = [LEVELS[parsed.level ?? 30] ?? String(parsed.level), parsed.msg];
  if (parsed.req?.method) parts.push(`${parsed.req.method} ${parsed.req.url ?? ''}`.trim());
  if (parsed.res?.statusCode) parts.push(`→ ${parsed.res.statusCode}`);
  for (const [key, value] of Object.entries(parsed)) {
    if (NOISE.has(key) || value === undefined) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    parts.push(`${key}=${text.length > 200 ? `${text.slice(0, 200)}…` : text}`);
  }
  const err = parsed.err;
  const out = parts.join(' ');
  return err ? `${out}\n${err.stack ?? err.message ?? JSON.stringify(err)}` : out;
}

/** Columns of a seed's `DEMO\t<role>\t<account>\t<password>\t<name>\t<note>` line, or undefined. */
export function parseDemoLine(line: string): string[] | undefined {
  if (!line.startsWith('DEMO\t') && !line.startsWith('DEMO ')) return undefined;
  const rest = line.slice(5);
  const columns = rest.includes('\t') ? rest.split('\t') : [rest];
  return columns.map((c) => c.trim());
}

export const DEMO_HEADERS = ['角色 role', '账号 account', '密码 password', '名称 name', '备注 note'];

/** Terminal columns a string occupies: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A plain box-less table; blank trailing columns are dropped. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const columnCount = Math.max(
    0,
    ...rows.map((row) => row.reduce((last, cell, i) => (cell !== '' ? i + 1 : last), 0)),
  );
  const heads = Array.from({ length: columnCount }, (_, i) => headers[i] ?? '');
  const widths = heads.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    widths
      .map((w, i) => pad(cells[i] ?? '', w))
      .join('  ')
      .trimEnd();
  return [line(heads), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}
