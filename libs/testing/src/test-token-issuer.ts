import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  type AccessTokenClaims,
  type Principal,
} from '@zhicheng/server-kit';

export interface TestTokenIssuer {
  /** Where the public key is served, for a subgraph's IDENTITY_JWKS_URL. */
  jwksUrl: string;
  /** An access token for `principal` with identity's claims, valid for `ttlSeconds`. */
  sign(principal: Principal, ttlSeconds: number): Promise<string>;
  /** Stops the JWKS server; resolves once it has closed. */
  close(): Promise<void>;
}

/**
 * Stands in for identity as a token issuer: a fresh Ed25519 key pair whose public half is served
 * as a JWKS over HTTP (as identity serves its own), so a subgraph verifies the tokens signed here
 * exactly as it does in production, without identity running.
 */
export async function startTestTokenIssuer(): Promise<TestTokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const kid = randomUUID();
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' }] };
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    sign(principal, ttlSeconds) {
      const claims: Omit<AccessTokenClaims, 'sub'> = {
        knd: principal.kind,
        rol: principal.roles,
        nam: principal.displayName,
        ...(principal.unitId ? { unt: principal.unitId } : {}),
        ...(principal.organisationId ? { org: principal.organisationId } : {}),
        ...(principal.regionCode ? { rgn: principal.regionCode } : {}),
        ...(principal.scopes ? { scp: principal.scopes } : {}),
      };
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
        .setSubject(principal.accountId)
        .setIssuer(ACCESS_TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .sign(privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
