import express, { type Express, type Request, type Response } from 'express';
import type { Logger } from '@zhicheng/server-kit';
import type { GatewayEnv } from './env';

/** What the token endpoint's answer may carry back (RFC 6749 §5.1 asks for no-store). */
const PASSED_HEADERS = [
  'content-type',
  'cache-control',
  'pragma',
  'www-authenticate',
  'retry-after',
] as const;

/**
 * POST /oauth/token on the platform's origin, answered by identity (client credentials). The
 * upstream is the fixed origin of SUBGRAPH_URLS.identity with a fixed path, never taken from the
 * request; only the form body, its type, the Basic credentials and the caller's address go on.
 */
export function mountTokenRoute(app: Express, env: GatewayEnv, logger: Logger): void {
  const configured = env.SUBGRAPH_URLS.identity;
  const target = configured ? new URL('/oauth/token', new URL(configured).origin) : null;
  app.post(
    '/oauth/token',
    express.raw({ type: () => true, limit: '4kb' }),
    async (req: Request, res: Response) => {
      res.setHeader('Cache-Control', 'no-store');
      if (!target) {
        res
          .status(503)
          .json({ error: 'temporarily_unavailable', error_description: '认证服务暂不可用，请稍后重试' });
        return;
      }
      const headers: Record<string, string> = {
        'x-request-id': String(req.id),
        'x-forwarded-for': req.ip ?? req.socket.remoteAddress ?? '',
      };
      if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
      if (req.headers.authorization) headers.authorization = req.headers.authorization;
      try {
        const upstream = await fetch(target, {
          method: 'POST',
          headers,
          body: new Uint8Array(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)),
          signal: AbortSignal.timeout(10_000),
        });
        res.status(upstream.status);
        for (const name of PASSED_HEADERS) {
          const value = upstream.headers.get(name);
          if (value) res.setHeader(name, value);
        }
        res.send(Buffer.from(await upstream.arrayBuffer()));
      } catch (error) {
        logger.warn({ err: error }, 'token endpoint unavailable');
        res
          .status(503)
          .json({ error: 'temporarily_unavailable', error_description: '认证服务暂不可用，请稍后重试' });
      }
    },
  );
}
