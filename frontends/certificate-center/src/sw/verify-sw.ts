// The /verify page's service worker: after one visit, /verify opens and verifies certificates
// with the network cut. It keeps three things:
// - the page itself (the shell's HTML with its import map; network first, the kept copy offline),
// - the scripts it runs (content-hashed and immutable: kept copy first), which the page lists
//   once the worker controls it (see src/verify/serviceWorker.ts),
// - the issuer's keys, /.well-known/did.json (network first, the kept copy offline).
// Everything else (GraphQL, files) goes to the network untouched.
//
// Scope and URL: registered as /verify-sw.js with scope /verify. A worker's scope can be no wider
// than the folder its script is served from, so the gateway serves this one build output from the
// root (gateway/src/static.ts) instead of under /apps/certificate-center/, which would need a
// `Service-Worker-Allowed` header. The scope /verify controls the verify page only; the page's
// requests for scripts and keys pass through it wherever they point on our origin.
/// <reference lib="WebWorker" />
export {};
declare const self: ServiceWorkerGlobalScope;

const CACHE = 'zhicheng-verify-v1';
const PAGE = '/verify';
const KEYS = '/.well-known/did.json';
/** The shell, the web kit, the vendor modules and this app: content-hashed, never changed. */
const KEPT_ASSETS = /^\/(?:vendor|web-kit|shell|apps\/certificate-center)\/[^/]+\.js$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([PAGE, KEYS]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name)));
      // Control the open /verify page at once, so its scripts can be kept on this first visit.
      await self.clients.claim();
    })(),
  );
});

/** Network first; a good answer refreshes the kept copy, a failed fetch answers with it. */
async function networkFirst(request: Request, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const answer = await fetch(request);
    if (answer.ok) await cache.put(key, answer.clone());
    return answer;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw error;
  }
}

/** Kept copy first (the file never changes); otherwise the network, kept for next time. */
async function keptFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request.url);
  if (kept) return kept;
  const answer = await fetch(request);
  if (answer.ok) await cache.put(request.url, answer.clone());
  return answer;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === PAGE) {
    event.respondWith(networkFirst(request, PAGE));
  } else if (url.pathname === KEYS) {
    event.respondWith(networkFirst(request, KEYS));
  } else if (KEPT_ASSETS.test(url.pathname)) {
    event.respondWith(keptFirst(request));
  }
});

interface KeepMessage {
  type: 'keep';
  /** Same-origin script URLs the page has loaded. */
  urls: string[];
}

/**
 * The page lists the scripts it loaded (those of its first visit came before this worker
 * controlled it). Keep the ones not kept yet, drop kept scripts of older deploys, refresh the
 * keys, then answer on the message's port so the page can say it works offline.
 */
async function keep(message: KeepMessage): Promise<number> {
  const cache = await caches.open(CACHE);
  const wanted = new Set(
    message.urls
      .map((href) => new URL(href, self.location.origin))
      .filter((url) => url.origin === self.location.origin && KEPT_ASSETS.test(url.pathname))
      .map((url) => url.href),
  );
  await Promise.all(
    [...wanted].map(async (href) => {
      if (await cache.match(href)) return;
      const answer = await fetch(href);
      if (answer.ok) await cache.put(href, answer);
    }),
  );
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (KEPT_ASSETS.test(url.pathname) && !wanted.has(url.href)) await cache.delete(request);
  }
  const keys = await fetch(KEYS).catch(() => null);
  if (keys?.ok) await cache.put(KEYS, keys);
  return wanted.size;
}

self.addEventListener('message', (event) => {
  const message = event.data as Partial<KeepMessage> | null;
  if (message?.type !== 'keep' || !Array.isArray(message.urls)) return;
  const port = event.ports[0];
  event.waitUntil(
    keep({ type: 'keep', urls: message.urls.filter((url): url is string => typeof url === 'string') }).then(
      (kept) => port?.postMessage({ ok: true, kept }),
      () => port?.postMessage({ ok: false }),
    ),
  );
});
