// Per-client rate limits for third-party systems (tokens of kind CLIENT): a fixed window per
// client id, answered with 429, Retry-After and the IETF RateLimit headers
// (draft-ietf-httpapi-ratelimit-headers: `RateLimit-Policy` names the quota, `RateLimit` what is
// left and when the window resets). Counted in this process: with N gateway replicas behind a
// balancer a client gets at most N times the quota (docs/operations.md).
import type { NextFunction, Request, Response } from 'express';
import type { AuthResult, TokenVerifier } from '@zhicheng/server-kit';

export interface ClientQuota {
  limit: number;
  windowSeconds: number;
}

export interface LimitDecision {
  allowed: boolean;
  remaining: number;
  resetSeconds: number;
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; hits: number }>();

  constructor(
    private readonly quota: ClientQuota,
    private readonly now: () => number = Date.now,
  ) {}

  hit(key: string): LimitDecision {
    const now = this.now();
    const windowMs = this.quota.windowSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || now - window.start >= windowMs) {
      // Forget expired windows now and then, so the map holds only active clients.
      if (this.windows.size > 10_000)
        for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
      window = { start: now, hits: 0 };
      this.windows.set(key, window);
    }
    window.hits += 1;
    return {
      allowed: window.hits <= this.quota.limit,
      remaining: Math.max(0, this.quota.limit - window.hits),
      resetSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)),
    };
  }
}

/** Where the /graphql context finds the token already verified here (verified once per request). */
export const authOf = (res: Response): AuthResult | undefined => res.locals.auth as AuthResult | undefined;

/**
 * Verifies the token once, and for a client's token counts the request against its quota. Other
 * callers (browsers) are not limited here: identity limits sign-ins and SMS per address.
 */
export function clientRateLimit(verifier: TokenVerifier, quota: ClientQuota) {
  const limiter = new FixedWindowLimiter(quota);
  const policy = `"client";q=${quota.limit};w=${quota.windowSeconds}`;
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const auth = await verifier.verifyHeader(req.headers.authorization);
      res.locals.auth = auth;
      const principal = auth.principal;
      if (principal?.kind !== 'CLIENT') return next();
      const decision = limiter.hit(principal.accountId);
      res.setHeader('RateLimit-Policy', policy);
      res.setHeader('RateLimit', `"client";r=${decision.remaining};t=${decision.resetSeconds}`);
      if (decision.allowed) return next();
      res.setHeader('Retry-After', String(decision.resetSeconds));
      res.status(429).json({
        errors: [
          {
            message: `该接口客户端请求过于频繁（每 ${quota.windowSeconds} 秒最多 ${quota.limit} 次），请 ${decision.resetSeconds} 秒后再试`,
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: decision.resetSeconds },
          },
        ],
      });
    } catch (error) {
      next(error);
    }
  };
}
