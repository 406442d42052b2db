// The audit trail: every step of a declaration's review as an append-only list whose entries are
// hash-chained (SHA-256 over a canonical JSON of the entry and the previous entry's hash). Changing,
// removing or reordering any entry breaks the chain at that entry; comparing the last entry with a
// separately kept head (sequence + hash) also catches entries cut off the end or a rewritten chain.
import { createHash } from 'node:crypto';
import type { TimelineEntry } from './timeline';

/** What an audit entry must carry: its position (0, 1, 2 …) in its chain. */
export interface Sequenced {
  sequence: number;
}

export type AuditRecord<E extends Sequenced = AuditedTimelineEntry> = E & {
  /** null for the first entry of a chain. */
  previousHash: string | null;
  /** Lowercase hex SHA-256 of the canonical JSON of every other field. */
  hash: string;
};

export type AuditedTimelineEntry = TimelineEntry & Sequenced;

/** The newest entry of a chain, kept apart from the entries (e.g. on the review row). */
export interface AuditHead {
  sequence: number;
  hash: string;
}

/**
 * JSON with object keys sorted at every depth and `undefined` members left out, so the same data
 * hashes the same after a round trip through PostgreSQL's jsonb (which reorders keys). Anything
 * JSON cannot carry faithfully (Date, Map, NaN, functions …) is refused rather than guessed at.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value
      .map((item) => {
        if (item === undefined) throw new TypeError('canonicalJson: undefined inside an array');
        return canonicalJson(item);
      })
      .join(',')}]`;
  if (isPlainObject(value)) {
    const record = value;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot encode ${Object.prototype.toString.call(value)}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash a record must carry: over all its fields but `hash` (so `previousHash` is covered). */
export function auditHash(record: Sequenced & { previousHash: string | null }): string {
  const { hash: _hash, ...rest } = record as typeof record & { hash?: unknown };
  return sha256Hex(canonicalJson(rest));
}

/** The next record of a chain: `previousHash` is the hash of the chain's newest record (null at first). */
export function appendAudit<E extends Sequenced>(previousHash: string | null, entry: E): AuditRecord<E> {
  if ('hash' in entry || 'previousHash' in entry)
    throw new TypeError('appendAudit: the entry already carries hash fields');
  const linked = { ...entry, previousHash };
  return { ...linked, hash: auditHash(linked) } as AuditRecord<E>;
}

/** Numbers and chains timeline entries after `head` (or from the start), ready to store. */
export function chainTimeline(
  entries: readonly TimelineEntry[],
  head: AuditHead | null,
): AuditRecord<AuditedTimelineEntry>[] {
  const records: AuditRecord<AuditedTimelineEntry>[] = [];
  let previous = head;
  for (const entry of entries) {
    const record = appendAudit(previous?.hash ?? null, {
      ...entry,
      sequence: (previous?.sequence ?? -1) + 1,
    });
    records.push(record);
    previous = { sequence: record.sequence, hash: record.hash };
  }
  return records;
}

export type AuditBreak =
  | 'MALFORMED'
  | 'ALTERED'
  | 'MISSING'
  | 'REORDERED'
  | 'DUPLICATED'
  | 'BROKEN_LINK'
  | 'TRUNCATED'
  | 'HEAD_MISMATCH';

export type AuditCheck =
  | { ok: true; length: number; head: AuditHead | null }
  | { ok: false; index: number; reason: AuditBreak; message: string };

function broken(index: number, reason: AuditBreak, message: string): AuditCheck {
  return { ok: false, index, reason, message };
}

/**
 * Checks a whole chain (sequence 0 first) and reports the first entry that is not as written:
 * ALTERED (its content no longer matches its hash), MISSING (an entry before it was removed),
 * REORDERED / DUPLICATED (entries moved or copied), BROKEN_LINK (it does not follow the entry before
 * it — that one was rewritten with a fresh hash). With `head`, also TRUNCATED (entries removed
 * from the end) and HEAD_MISMATCH (the newest entry is not the one recorded). `index` is the
 * position in `records` (records.length for entries missing at the end).
 */
export function verifyAuditChain(
  records: ReadonlyArray<AuditRecord<Sequenced>>,
  options: { head?: AuditHead | null } = {},
): AuditCheck {
  const seen = new Set<number>();
  for (let i = 0; i < records.length; i += 1) {
    const record = records[i];
    const position = i + 1;
    if (
      typeof record !== 'object' ||
      record === null ||
      typeof record.hash !== 'string' ||
      !Number.isInteger(record.sequence)
    )
      return broken(i, 'MALFORMED', `第${position}条审核记录格式不正确`);
    let expected: string;
    try {
      expected = auditHash(record);
    } catch {
      return broken(i, 'MALFORMED', `第${position}条审核记录格式不正确`);
    }
    if (expected !== record.hash) return broken(i, 'ALTERED', `第${position}条审核记录的内容已被改动`);
    if (record.sequence !== i) {
      if (seen.has(record.sequence))
        return broken(i, 'DUPLICATED', `第${position}条审核记录与前面的记录重复`);
      const later = records.slice(i + 1).some((r) => r?.sequence === i);
      if (record.sequence < i || later) return broken(i, 'REORDERED', `第${position}条审核记录的顺序被调换`);
      return broken(i, 'MISSING', `第${position}条审核记录之前缺少${record.sequence - i}条记录`);
    }
    seen.add(record.sequence);
    const previousHash = i === 0 ? null : records[i - 1].hash;
    if (record.previousHash !== previousHash)
      return broken(i, 'BROKEN_LINK', `第${position}条审核记录与上一条记录不衔接，上一条记录可能被改写`);
  }
  const last = records[records.length - 1];
  const head = options.head;
  if (head) {
    if (!last || last.sequence < head.sequence) {
      const missing = head.sequence - (last?.sequence ?? -1);
      return broken(records.length, 'TRUNCATED', `最后${missing}条审核记录缺失`);
    }
    if (last.sequence !== head.sequence || last.hash !== head.hash)
      return broken(
        records.length - 1,
        'HEAD_MISMATCH',
        '审核记录与保存的最新记录摘要不一致，记录可能被改写',
      );
  }
  return {
    ok: true,
    length: records.length,
    head: last ? { sequence: last.sequence, hash: last.hash } : null,
  };
}
