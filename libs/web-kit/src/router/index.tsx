// History-API routing shared by the shell and the micro-frontends. Real URLs, so deep links and the
// back button work; single-spa watches the same history and mounts the app that owns the URL.
import { useEffect, useMemo, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export { matchPrefix, safeReturnPath } from './paths';

const NAVIGATE_EVENT = 'zhicheng:navigate';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export interface AppLocation {
  pathname: string;
  search: string;
  searchParams: URLSearchParams;
}

/** The current path and query; re-renders on every navigation. */
export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => {
    const url = new URL(href, window.location.origin);
    return { pathname: url.pathname, search: url.search, searchParams: url.searchParams };
  }, [href]);
}

/** Goes to a path of this origin (single-spa sees the change and mounts or unmounts apps). */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  replace?: boolean;
}

/** An <a> that navigates without reloading; modified clicks (new tab) behave as normal links. */
export function Link({ to, replace, onClick, target, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
    if (event.defaultPrevented || modified || (target && target !== '_self')) return;
    event.preventDefault();
    navigate(to, { replace });
  };
  return <a {...rest} href={to} target={target} onClick={handleClick} />;
}

/** Replaces the current URL once rendered (for guards and old paths). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
