// 上一件 / 下一件 on a case page: the queue page remembers the cases it listed (this tab only), so
// the case page can step through them in the reviewer's order and go back to the same page of
// the same filtered list. Plain functions over a Storage, so they are tested without a browser.

export interface QueueTrail {
  /** The list's address, with its tab, filters and page (where 返回列表 goes). */
  href: string;
  /** The cases listed, in the list's order. */
  cases: { id: string; name: string }[];
}

const KEY = (listPath: string) => `zc-review-trail:${listPath}`;

export function rememberTrail(storage: Storage | undefined, listPath: string, trail: QueueTrail): void {
  try {
    storage?.setItem(KEY(listPath), JSON.stringify(trail));
  } catch {
    // storage full or disabled: the case page simply has no 上一件/下一件
  }
}

export function readTrail(storage: Storage | undefined, listPath: string): QueueTrail | null {
  try {
    const value = JSON.parse(storage?.getItem(KEY(listPath)) ?? 'null') as unknown;
    if (!value || typeof value !== 'object') return null;
    const { href, cases } = value as Partial<QueueTrail>;
    if (typeof href !== 'string' || !href.startsWith(listPath) || !Array.isArray(cases)) return null;
    return {
      href,
      cases: cases.filter(
        (c): c is QueueTrail['cases'][number] =>
          !!c && typeof c.id === 'string' && typeof c.name === 'string',
      ),
    };
  } catch {
    return null;
  }
}

export interface Neighbours {
  previous: QueueTrail['cases'][number] | null;
  next: QueueTrail['cases'][number] | null;
  /** 1-based position in the list, and its length; null when the case is not in it. */
  position: number | null;
  total: number;
}

/** The cases before and after `id` in the remembered list. */
export function neighbours(trail: QueueTrail | null, id: string): Neighbours {
  const cases = trail?.cases ?? [];
  const at = cases.findIndex((c) => c.id === id);
  if (at < 0) return { previous: null, next: null, position: null, total: cases.length };
  return {
    previous: cases[at - 1] ?? null,
    next: cases[at + 1] ?? null,
    position: at + 1,
    total: cases.length,
  };
}
