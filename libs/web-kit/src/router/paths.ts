/** True when pathname is prefix itself or below it: "/unit" matches "/unit" and "/unit/agents". */
export function matchPrefix(pathname: string, prefix: string): boolean {
  const base = prefix.replace(/\/+$/, '');
  return pathname === base || pathname.startsWith(`${base}/`);
}

/** A same-origin path that is safe to return to after sign-in (never "//evil.example"). */
export function safeReturnPath(value: string | null | undefined, fallback = '/'): string {
  return value && /^\/(?![/\\])/.test(value) ? value : fallback;
}
