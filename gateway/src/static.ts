import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { PERMISSIONS_POLICY, type Logger } from '@zhicheng/server-kit';

interface Manifest {
  name: string;
  entry: string;
}

export interface ImportMap {
  imports: Record<string, string>;
}

const readJson = <T>(path: string): T | null =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;

/**
 * Builds the import map from the manifests the front-end builds write (shell/README.md):
 * shared vendor modules, the web kit, the shell and every built micro-frontend. Deploying one
 * micro-frontend means rebuilding it; its new entry shows up here without touching the others.
 */
export function buildImportMap(root: string): ImportMap {
  const imports: Record<string, string> = {};
  const vendor = readJson<ImportMap>(join(root, 'shell', 'dist', 'vendor', 'manifest.json'));
  Object.assign(imports, vendor?.imports ?? {});
  const shell = readJson<Manifest>(join(root, 'shell', 'dist', 'manifest.json'));
  if (shell) imports[shell.name] = `/shell/${shell.entry}`;
  const webKit = readJson<Manifest>(join(root, 'libs', 'web-kit', 'dist', 'manifest.json'));
  if (webKit) imports[webKit.name] = `/web-kit/${webKit.entry}`;
  const apps = join(root, 'frontends');
  for (const app of existsSync(apps) ? readdirSync(apps).sort() : []) {
    const manifest = readJson<Manifest>(join(apps, app, 'dist', 'manifest.json'));
    if (manifest) imports[manifest.name] = `/apps/${app}/${manifest.entry}`;
  }
  return { imports };
}

const PLACEHOLDER = '/*IMPORT_MAP*/';

/**
 * A missing file under an asset prefix is a 404, whatever the Accept header says: answering the
 * shell's HTML instead would hand a browser a page where it expects a script or a style (and
 * cache it as one), which fails far from the cause.
 */
function assetNotFound(_req: Request, res: Response): void {
  res
    .status(404)
    .type('text/plain; charset=utf-8')
    .set('cache-control', 'no-cache')
    .send('未找到该文件（404）');
}

/**
 * The shell page's Content-Security-Policy. Scripts: our own origin, plus the page's two inline
 * scripts (the import map and the module that starts the shell) by a nonce made per answer;
 * nothing inline otherwise, no eval. Styles: 'unsafe-inline', because antd's CSS-in-JS writes
 * <style> elements at run time in every micro-frontend; a nonce would have to be threaded into
 * each app's ConfigProvider and any style without it would break the page. Injected CSS cannot
 * run script, and scripts stay strict. Connections (GraphQL over HTTP and graphql-ws), images,
 * fonts and frames: our own origin (`data:`/`blob:` for the captcha picture, icons and previews).
 */
const shellPolicy = (production: boolean) =>
  helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameSrc: ["'self'", 'blob:'],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      ...(production ? { upgradeInsecureRequests: [] } : {}),
    },
  });

/**
 * The shell page's Permissions-Policy: the API's (every feature off), but the camera for our own
 * origin, because /verify scans a certificate's QR code with it (getUserMedia asks the person
 * first). Pages are one document for every route, so the policy is the page's, not /verify's.
 */
export const PAGE_PERMISSIONS_POLICY = PERMISSIONS_POLICY.replace('camera=()', 'camera=(self)');

/** Where the /verify page's service worker is served (frontends/certificate-center/src/sw). */
export const VERIFY_SERVICE_WORKER_PATH = '/verify-sw.js';

/**
 * A service worker controls only pages under the folder its script comes from (its maximum
 * scope). /verify is at the root, so its worker is served from the root: under
 * /apps/certificate-center/ it could not control /verify without a `Service-Worker-Allowed: /`
 * answer header, which would let that folder's scripts claim every page of the origin. The name
 * is fixed (the page registers it by name) and it is answered `no-cache`, so the browser checks
 * it on every visit and a new deploy's worker replaces the old one. Its own CSP: it may only
 * fetch from our origin (it keeps the page, its scripts and did.json for offline use).
 */
function mountVerifyServiceWorker(app: Express, root: string): void {
  const file = join(root, 'frontends', 'certificate-center', 'dist', 'verify-sw.js');
  app.get(VERIFY_SERVICE_WORKER_PATH, (req, res, next) => {
    if (!existsSync(file)) return assetNotFound(req, res);
    res.sendFile(
      file,
      {
        cacheControl: false,
        headers: {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'no-cache',
          'content-security-policy': "default-src 'none'; connect-src 'self'",
        },
      },
      (error) => {
        if (error) next(error);
      },
    );
  });
}

/**
 * Answers a request for a built `.js` file with the brotli or gzip copy the build wrote next to it
 * (libs/web-kit/build/precompress.mjs), when the browser accepts that encoding; anything else
 * (no copy, a source map, no encoding accepted) falls through to express.static. The copies are
 * compressed once at the highest level, so no request spends CPU on them.
 */
function precompressed(dir: string) {
  const ENCODINGS = { br: '.br', gzip: '.gz' } as const;
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.endsWith('.js')) return next();
    // Brotli whenever it is acceptable at all (its copy is the smaller one); the negotiator alone
    // would pick gzip for Chromium's "gzip, deflate, br, zstd" (equal weights, first named).
    const encoding = req.acceptsEncodings('br') ? 'br' : req.acceptsEncodings('gzip') ? 'gzip' : undefined;
    if (!encoding) return next();
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(req.path)).replace(/^[/\\]+/, '');
    } catch {
      return next();
    }
    if (relative.split(sep).includes('..')) return next();
    const file = join(dir, relative + ENCODINGS[encoding]);
    try {
      if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
    } catch {
      return next(); // a name no file can have (a NUL byte): express.static answers it
    }
    res.vary('Accept-Encoding');
    res.set({ 'content-type': 'text/javascript; charset=utf-8', 'content-encoding': encoding });
    res.sendFile(
      file,
      { maxAge: '365d', immutable: true, acceptRanges: false, dotfiles: 'deny' },
      (error) => {
        if (error && !res.headersSent) next(error);
      },
    );
  };
}

/** express.static for content-hashed bundles, preferring their precompressed copies. */
function bundles(dir: string) {
  return [precompressed(dir), express.static(dir, { immutable: true, maxAge: '365d', index: false })];
}

/** Serves the shell, the web kit and the micro-frontends from the gateway's own origin. */
export function mountFrontends(
  app: Express,
  root: string,
  logger: Logger,
  options: { production?: boolean } = {},
): void {
  const pagePolicy = shellPolicy(options.production ?? false);
  app.use('/vendor', ...bundles(join(root, 'shell', 'dist', 'vendor')), assetNotFound);
  app.use('/shell', ...bundles(join(root, 'shell', 'dist')), assetNotFound);
  app.use('/web-kit', ...bundles(join(root, 'libs', 'web-kit', 'dist')), assetNotFound);
  app.use(
    '/apps/:app',
    (req, res, next) => {
      const app = String(req.params.app);
      if (!/^[a-z0-9-]+$/.test(app)) return next();
      const [compressedCopy, files] = bundles(join(root, 'frontends', app, 'dist'));
      compressedCopy(req, res, (error?: unknown) => (error ? next(error) : files(req, res, next)));
    },
    assetNotFound,
  );
  // `/apps` alone (no app name) is not a page either.
  app.use('/apps', assetNotFound);
  mountVerifyServiceWorker(app, root);

  const indexPath = join(root, 'shell', 'dist', 'index.html');
  // Every other GET that wants a page is a client-side route of the shell.
  app.get(/^\/(?!graphql|health|\.well-known|files(?:\/|$)).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    if (!existsSync(indexPath)) {
      logger.warn({ indexPath }, 'shell is not built');
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('前端尚未构建：请先运行 npm run build（shell is not built）');
      return;
    }
    // `<` escaped so no manifest value can close the inline <script> (shell/README.md asks for it).
    const importMap = JSON.stringify(buildImportMap(root)).replace(/</g, '\\u003c');
    const nonce = randomBytes(18).toString('base64');
    res.locals.cspNonce = nonce;
    const html = readFileSync(indexPath, 'utf8')
      .replace(PLACEHOLDER, importMap)
      .replace(/<(script|style)\b/g, `<$1 nonce="${nonce}"`);
    pagePolicy(req, res, (error?: unknown) => {
      if (error) return next(error);
      res.set({
        'cache-control': 'no-cache',
        'x-frame-options': 'DENY',
        'referrer-policy': 'same-origin',
        'permissions-policy': PAGE_PERMISSIONS_POLICY,
      });
      res.type('html').send(html);
    });
  });
}
