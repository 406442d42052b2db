// The access token, in memory only (never localStorage: a stolen token would outlive the tab).
// The GraphQL transport reads it from here; the auth store writes it and supplies the refresher,
// which keeps the transport and the store free of an import cycle.

let accessToken: string | null = null;
let expiresAtMs = 0;
let refresher: (() => Promise<boolean>) | null = null;

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null, expiresAt: number = 0): void {
  accessToken = token;
  expiresAtMs = token ? expiresAt : 0;
}

/** Milliseconds until the token expires (negative when it has). */
export function tokenLifetimeLeft(now: number = Date.now()): number {
  return expiresAtMs - now;
}

export function setRefresher(refresh: () => Promise<boolean>): void {
  refresher = refresh;
}

/** Asks the auth store for a new access token; true when one was obtained. */
export function refreshAccessToken(): Promise<boolean> {
  return refresher ? refresher() : Promise.resolve(false);
}
