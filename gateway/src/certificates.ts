import type { Express, Request, Response } from 'express';
import type { Logger } from '@zhicheng/server-kit';
import type { GatewayEnv } from './env';

/** The answer headers worth passing on from the issuer's documents; nothing else. */
const PASSED_HEADERS = ['content-type', 'cache-control', 'etag', 'last-modified'] as const;

const UNAVAILABLE = {
  error: { code: 'UPSTREAM_UNAVAILABLE', message: '证书服务暂不可用，请稍后重试' },
} as const;

/**
 * The certificate issuer's public documents on the platform's own origin, as did:web requires:
 * `/.well-known/did.json` and the revocation status lists `/credentials/status/<n>`. Each goes to
 * the fixed origin of SUBGRAPH_URLS.certificate with a fixed path (the list number is parsed as
 * an integer first): the upstream URL is never taken from the request.
 */
export function mountCertificateRoutes(app: Express, env: GatewayEnv, logger: Logger): void {
  const configured = env.SUBGRAPH_URLS.certificate;
  if (!configured) {
    logger.warn('no URL configured for the certificate subgraph; /.well-known/did.json answers 503');
  }
  const origin = configured ? new URL(configured).origin : null;

  const forward = async (res: Response, path: string) => {
    if (!origin) {
      res.status(503).json(UNAVAILABLE);
      return;
    }
    try {
      const upstream = await fetch(new URL(path, origin), { signal: AbortSignal.timeout(5000) });
      res.status(upstream.status);
      for (const name of PASSED_HEADERS) {
        const value = upstream.headers.get(name);
        if (value) res.setHeader(name, value);
      }
      // Anyone may read the issuer's keys and status lists, from any page (verifiers elsewhere).
      res.setHeader('access-control-allow-origin', '*');
      res.send(Buffer.from(await upstream.arrayBuffer()));
    } catch (error) {
      logger.warn({ err: error, path }, 'certificate issuer documents unavailable');
      res.status(502).json(UNAVAILABLE);
    }
  };

  app.get('/.well-known/did.json', (_req: Request, res: Response) => forward(res, '/.well-known/did.json'));
  app.get(/^\/credentials\/status\/([1-9]\d{0,5})$/, (req: Request, res: Response) =>
    forward(res, `/credentials/status/${Number.parseInt((req.params as Record<string, string>)[0], 10)}`),
  );
  // Anything else under /credentials is no status list: a JSON 404 (not the shell's page, which a
  // verifier would take for a document).
  app.all(/^\/credentials(?:\/.*)?$/, (_req: Request, res: Response) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: '没有这个证书状态列表' } });
  });
}
