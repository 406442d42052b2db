// Which micro-frontend owns which URLs. An app is registered only when the import map has an entry
// for it (its bundle is deployed), so a missing app never breaks the shell.
import { addErrorHandler, getAppStatus, MOUNTED, registerApplication, type LifeCycles } from 'single-spa';
import { auth, matchPrefix, readImportMap } from '@zhicheng/web-kit';
import { appContainer } from './outlet';

export interface MicroFrontend {
  /** The import-map key, also the single-spa application name. */
  name: string;
  /** The URL prefix the app owns (for signed-in accounts). */
  route: string;
  /**
   * Pages the app also serves to everyone, signed in or not (exact paths, e.g. /verify). The
   * shell frames them in the public layout for visitors and in the signed-in one otherwise.
   */
  publicPages?: readonly string[];
}

export const MICRO_FRONTENDS: readonly MicroFrontend[] = [
  { name: '@zhicheng/unit-audit', route: '/unit' },
  { name: '@zhicheng/applicant-wizard', route: '/applicant' },
  { name: '@zhicheng/bureau-dashboard', route: '/bureau' },
  { name: '@zhicheng/certificate-center', route: '/certificates', publicPages: ['/verify'] },
];

/** The apps whose bundle is deployed on this page. */
export function deployedMicroFrontends(): MicroFrontend[] {
  const imports = readImportMap();
  return MICRO_FRONTENDS.filter((app) => typeof imports[app.name] === 'string');
}

const isPublicPage = (app: MicroFrontend, pathname: string) =>
  (app.publicPages ?? []).includes(pathname.replace(/(.)\/+$/, '$1'));

/** The app that serves a signed-in account at this path. */
export function microFrontendFor(pathname: string): MicroFrontend | undefined {
  return deployedMicroFrontends().find(
    (app) => matchPrefix(pathname, app.route) || isPublicPage(app, pathname),
  );
}

/** The app serving this path to everyone (a public page such as /verify), if any. */
export function publicMicroFrontendFor(pathname: string): MicroFrontend | undefined {
  return deployedMicroFrontends().find((app) => isPublicPage(app, pathname));
}

/** Loads an app's module through the import map (a bare specifier, resolved by the browser). */
function load(name: string): Promise<LifeCycles> {
  return import(/* @vite-ignore */ name) as Promise<LifeCycles>;
}

// --- load failures, for the page that hosts the app -------------------------------------------

const failed = new Set<string>();
const APP_STATE_EVENT = 'zhicheng:app-state';

export type HostedAppState = 'loading' | 'mounted' | 'failed';

export function hostedAppState(name: string): HostedAppState {
  if (getAppStatus(name) === MOUNTED) return 'mounted';
  return failed.has(name) ? 'failed' : 'loading';
}

export function subscribeHostedApps(listener: () => void): () => void {
  const events = ['single-spa:routing-event', 'single-spa:app-change', APP_STATE_EVENT];
  events.forEach((event) => window.addEventListener(event, listener));
  return () => events.forEach((event) => window.removeEventListener(event, listener));
}

export function registerMicroFrontends(): void {
  addErrorHandler((error) => {
    console.error(`[shell] ${error.appOrParcelName} failed`, error);
    failed.add(error.appOrParcelName);
    window.dispatchEvent(new Event(APP_STATE_EVENT));
  });
  for (const app of deployedMicroFrontends()) {
    registerApplication({
      name: app.name,
      app: () => load(app.name),
      // Apps show only to a signed-in account (the shell sends everyone else to sign-in first),
      // except on their public pages, which are active for everyone at once (no wait for the
      // session to be restored, so /verify also opens offline).
      activeWhen: (location) =>
        isPublicPage(app, location.pathname) ||
        (auth.getState().status === 'signedIn' && matchPrefix(location.pathname, app.route)),
      customProps: { domElementGetter: () => appContainer(app.name) },
    });
  }
}
