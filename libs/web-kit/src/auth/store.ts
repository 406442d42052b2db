// Who is signed in. A tiny external store (read with useSyncExternalStore) rather than React
// context, because the shell and every micro-frontend are separate React roots that must agree.
import { getClient, resetClient } from '../graphql/client';
import { isNetworkError } from '../graphql/errors';
import type { SessionFieldsFragment, SignInInput, ViewerFieldsFragment } from '../gql/graphql';
import { RefreshSessionMutation, SignInMutation, SignOutMutation } from './documents';
import { setAccessToken, setRefresher } from './token';

export type Viewer = ViewerFieldsFragment;
export type Role = Viewer['roles'][number];
export type AccountKind = Viewer['kind'];
export type { SignInInput };

export type AuthStatus = 'restoring' | 'signedIn' | 'signedOut';

/** Why nobody is signed in: never was, chose to sign out, or the session ended (expired, revoked). */
export type SignedOutReason = 'none' | 'user' | 'expired';

export interface AuthState {
  status: AuthStatus;
  viewer: Viewer | null;
  signedOutReason: SignedOutReason;
}

/** Refresh this long before the access token expires (or at a quarter of its life if shorter). */
const REFRESH_MARGIN_MS = 60_000;
/** After a refresh that failed on the network, try again this soon while the token lives. */
const NETWORK_RETRY_MS = 10_000;
/** Other tabs learn about sign-out through this channel. */
const CHANNEL = 'zhicheng-auth';

let state: AuthState = { status: 'restoring', viewer: null, signedOutReason: 'none' };
const listeners = new Set<() => void>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;
let restoring: Promise<void> | null = null;
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;

function setState(next: AuthState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

function scheduleRefresh(expiresAt: number): void {
  clearTimeout(refreshTimer);
  const lifetime = expiresAt - Date.now();
  const delay = Math.max(5_000, lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 4));
  refreshTimer = setTimeout(() => void refresh(), delay);
}

function applySession(session: SessionFieldsFragment): void {
  const previous = state.viewer?.accountId;
  const expiresAt = Date.parse(session.expiresAt);
  setAccessToken(session.accessToken, expiresAt);
  scheduleRefresh(expiresAt);
  if (previous !== session.viewer.accountId) resetClient();
  setState({ status: 'signedIn', viewer: session.viewer, signedOutReason: 'none' });
}

function clearSession(reason: SignedOutReason): void {
  clearTimeout(refreshTimer);
  setAccessToken(null);
  if (state.status === 'signedOut') return;
  const wasSignedIn = state.status === 'signedIn';
  resetClient();
  setState({ status: 'signedOut', viewer: null, signedOutReason: wasSignedIn ? reason : 'none' });
}

/**
 * Refresh tokens rotate: two tabs refreshing at once would present the same cookie twice. A Web
 * Lock (where available) makes tabs take turns, so the second one sends the rotated cookie.
 */
async function withRefreshLock(work: () => Promise<boolean>): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? await locks.request('zhicheng-refresh-session', work) : work();
}

/** Exchanges the httpOnly refresh cookie for a new access token; concurrent calls share one. */
function refresh(): Promise<boolean> {
  refreshing ??= withRefreshLock(async () => {
    const result = await getClient()
      .mutation(RefreshSessionMutation, {}, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.data?.refreshSession) {
      applySession(result.data.refreshSession);
      return true;
    }
    if (result.error && isNetworkError(result.error) && state.status === 'signedIn') {
      // Offline for a moment: keep the session and try again while the token is still valid.
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => void refresh(), NETWORK_RETRY_MS);
      return false;
    }
    clearSession('expired');
    return false;
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** On page load: resume the session from the refresh cookie, if there is one. */
function restore(): Promise<void> {
  restoring ??= refresh().then(() => undefined);
  return restoring;
}

/** Signs in; on failure rejects with urql's CombinedError (show it with useFormErrors). */
async function signIn(input: SignInInput): Promise<Viewer> {
  const result = await getClient().mutation(SignInMutation, { input }).toPromise();
  if (!result.data?.signIn) throw result.error ?? new Error('signIn returned no session');
  applySession(result.data.signIn);
  return result.data.signIn.viewer;
}

/** Revokes the session on the server (best effort) and forgets it here and in other tabs. */
async function signOut(): Promise<void> {
  try {
    await getClient().mutation(SignOutMutation, {}).toPromise();
  } finally {
    clearSession('user');
    channel?.postMessage('signedOut');
  }
}

channel?.addEventListener('message', (event: MessageEvent) => {
  if (event.data === 'signedOut') clearSession('user');
});

setRefresher(refresh);

export const auth = {
  getState: (): AuthState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  restore,
  refresh,
  signIn,
  signOut,
};

export function hasRole(viewer: Viewer | null | undefined, ...roles: Role[]): boolean {
  return !!viewer && roles.some((role) => viewer.roles.includes(role));
}
