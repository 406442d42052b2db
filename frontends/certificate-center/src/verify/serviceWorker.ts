// Makes /verify work offline after one visit: registers the page's service worker (scope /verify,
// see src/sw/verify-sw.ts for why it is served from the root), then hands it the list of scripts
// this page loaded — on the first visit they were fetched before the worker existed — and waits
// for it to keep them.

export const VERIFY_SERVICE_WORKER_URL = '/verify-sw.js';
export const VERIFY_SCOPE = '/verify';

/** Shared by the scripts the worker keeps: the shell, the web kit, the vendor modules, this app. */
const KEPT_ASSETS = /^\/(?:vendor|web-kit|shell|apps\/certificate-center)\/[^/]+\.js$/;

/** Same-origin scripts this document has loaded so far (Resource Timing). */
function loadedScripts(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === window.location.origin && KEPT_ASSETS.test(url.pathname))
    .map((url) => url.href);
}

function controller(): Promise<ServiceWorker> {
  const current = navigator.serviceWorker.controller;
  if (current) return Promise.resolve(current);
  return new Promise((resolve) =>
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => resolve(navigator.serviceWorker.controller!),
      { once: true },
    ),
  );
}

/**
 * Resolves true once the worker keeps the page, its scripts and the keys; false where service
 * workers are unavailable (an old browser, a private window that refuses them) or it failed.
 * `warm` loads the page's lazily loaded parts first, so they are kept too.
 */
export async function keepVerifyPageOffline(warm: () => Promise<unknown>): Promise<boolean> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return false;
  try {
    await navigator.serviceWorker.register(VERIFY_SERVICE_WORKER_URL, { scope: VERIFY_SCOPE });
    const worker = await controller();
    await warm();
    const channel = new MessageChannel();
    const answer = new Promise<boolean>((resolve) => {
      channel.port1.onmessage = (event: MessageEvent<{ ok?: boolean }>) => resolve(event.data?.ok === true);
    });
    worker.postMessage({ type: 'keep', urls: loadedScripts() }, [channel.port2]);
    return await answer;
  } catch (error) {
    console.warn('[certificate-center] the verify page cannot be kept for offline use', error);
    return false;
  }
}
