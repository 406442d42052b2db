import { useSyncExternalStore } from 'react';
import { auth, hasRole, type AuthState, type Role, type Viewer } from './store';

/** The session state plus the actions, for components. */
export function useAuth(): AuthState & Pick<typeof auth, 'signIn' | 'signOut'> {
  const state = useSyncExternalStore(auth.subscribe, auth.getState);
  return { ...state, signIn: auth.signIn, signOut: auth.signOut };
}

/** The signed-in account, or null. */
export function useViewer(): Viewer | null {
  return useSyncExternalStore(auth.subscribe, () => auth.getState().viewer);
}

/** True when the signed-in account has any of the roles. */
export function useHasRole(...roles: Role[]): boolean {
  return hasRole(useViewer(), ...roles);
}
