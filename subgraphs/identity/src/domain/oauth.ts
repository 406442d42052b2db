// POST /oauth/token: the OAuth 2.0 client credentials grant (RFC 6749 §4.4) with
// client_secret_basic and client_secret_post. No captcha: the caller is a system holding a
// 32-byte secret; wrong secrets cost an address its per-window budget (TOKEN_LIMIT_PER_IP).
// Errors are RFC 6749 §5.2 bodies with a Chinese description a person can act on.
import express, { type Express, type Request, type Response } from 'express';
import { hitRateLimit, type EntityManager, type MikroORM } from '@zhicheng/server-kit';
import { authenticateClient, clientPrincipal, grantedScopes } from './clients';
import type { IdentityDeps } from './deps';
import { signAccessToken } from './tokens';

export const TOKEN_PATH = '/oauth/token';

type OAuthError =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'too_many_requests';

function refuse(res: Response, status: number, error: OAuthError, description: string): void {
  if (error === 'invalid_client')
    res.setHeader('WWW-Authenticate', 'Basic realm="zhicheng", charset="UTF-8"');
  res.status(status).json({ error, error_description: description });
}

/** `Authorization: Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1), or null. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null | 'malformed' {
  if (!header) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return 'malformed';
  const text = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return 'malformed';
  try {
    const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
    return { id: decode(text.slice(0, colon)), secret: decode(text.slice(colon + 1)) };
  } catch {
    return 'malformed';
  }
}

const one = (value: unknown): string | undefined | 'many' =>
  value === undefined ? undefined : typeof value === 'string' ? value : 'many';

export async function issueClientToken(
  em: EntityManager,
  deps: IdentityDeps,
  req: Request,
  res: Response,
): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  const { env } = deps;
  const limit = await hitRateLimit(
    em,
    `oauth:ip:${req.ip ?? 'unknown'}`,
    env.TOKEN_LIMIT_PER_IP,
    env.TOKEN_LIMIT_WINDOW_SECONDS,
  );
  if (!limit.allowed) {
    res.setHeader('Retry-After', String(limit.retryAfterSeconds));
    return refuse(
      res,
      429,
      'too_many_requests',
      `请求访问令牌过于频繁，请 ${limit.retryAfterSeconds} 秒后再试`,
    );
  }
  if (!req.is('application/x-www-form-urlencoded'))
    return refuse(
      res,
      400,
      'invalid_request',
      '请以 application/x-www-form-urlencoded 格式提交 grant_type=client_credentials',
    );
  const body = (req.body ?? {}) as Record<string, unknown>;
  const fields = {
    grantType: one(body.grant_type),
    scope: one(body.scope),
    clientId: one(body.client_id),
    clientSecret: one(body.client_secret),
  };
  if (Object.values(fields).includes('many'))
    return refuse(res, 400, 'invalid_request', '每个参数只能出现一次');
  if (!fields.grantType)
    return refuse(res, 400, 'invalid_request', '缺少 grant_type，应为 client_credentials');
  if (fields.grantType !== 'client_credentials')
    return refuse(res, 400, 'unsupported_grant_type', '只支持 grant_type=client_credentials');

  const basic = basicCredentials(req.headers.authorization);
  if (basic === 'malformed')
    return refuse(
      res,
      401,
      'invalid_client',
      'Authorization 头格式错误，应为 Basic base64(客户端编号:客户端密钥)',
    );
  const posted = fields.clientId !== undefined || fields.clientSecret !== undefined;
  if (basic && posted)
    return refuse(
      res,
      400,
      'invalid_request',
      '客户端凭证只能用一种方式提交：Authorization 头或表单参数，不能同时使用',
    );
  const credentials =
    basic ?? (posted ? { id: fields.clientId ?? '', secret: fields.clientSecret ?? '' } : null);
  if (!credentials || !credentials.id || !credentials.secret)
    return refuse(
      res,
      401,
      'invalid_client',
      '缺少客户端编号或客户端密钥（client_secret_basic 或 client_secret_post）',
    );

  const client = await authenticateClient(
    em,
    deps.cipher,
    credentials.id as string,
    credentials.secret as string,
  );
  if (client === 'UNKNOWN_OR_WRONG_SECRET')
    return refuse(
      res,
      401,
      'invalid_client',
      '客户端编号或客户端密钥不正确，请核对；密钥更换后旧密钥立即失效',
    );
  if (client === 'REVOKED')
    return refuse(res, 401, 'invalid_client', '该接口客户端已被吊销，请联系单位法人或管理机构新建客户端');

  const scopes = grantedScopes(client, fields.scope as string | undefined);
  if ('refused' in scopes)
    return refuse(
      res,
      400,
      'invalid_scope',
      `该客户端没有这些权限：${scopes.refused.join(' ')}；可申请的权限：${client.scopes.join(' ')}`,
    );
  const ttl = env.CLIENT_TOKEN_TTL_SECONDS;
  const { token } = await signAccessToken(deps.signingKey, clientPrincipal(client, scopes.granted), ttl);
  client.lastUsedAt = new Date();
  await em.flush();
  res.status(200).json({
    access_token: token,
    token_type: 'Bearer',
    expires_in: ttl,
    scope: scopes.granted.join(' '),
  });
}

/** Mounts the token endpoint on identity's app (the gateway forwards its origin's /oauth/token here). */
export function mountTokenEndpoint(app: Express, orm: MikroORM, deps: IdentityDeps): void {
  app.post(
    TOKEN_PATH,
    express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 10 }),
    (req, res, next) => {
      issueClientToken(orm.em.fork(), deps, req, res).catch(next);
    },
  );
}
