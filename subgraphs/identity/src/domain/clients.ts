// Third-party systems' OAuth 2.0 clients (client credentials, RFC 6749 §4.4): a unit's legal
// person or a bureau's staff create, name, scope, rotate and revoke them; the token endpoint
// (oauth.ts) exchanges an id and secret for a short-lived access token that names the client, its
// unit or organisation and its scopes. docs/api-guide.md "Third-party systems".
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  API_SCOPES,
  ApiScope,
  forbidden,
  notFound,
  Problems,
  requirePrincipal,
  Role,
  type AuthResult,
  type EntityManager,
  type Principal,
} from '@zhicheng/server-kit';
import { ApiClient, type ApiClientOwnerKind } from '../entities';
import type { DataCipher } from './secrets';

export const CLIENT_NAME_MAX = 60;
/** Enough for every system a unit runs; more means something is creating clients in a loop. */
export const CLIENTS_PER_OWNER_MAX = 20;
export const CLIENT_SECRET_PREFIX = 'zcs_';
export const CLIENT_NOT_FOUND = '接口客户端不存在或不属于本单位（本机构）';

/** The scopes each owner's clients may hold: bindings are a unit's business only. */
export const SCOPES_FOR: Record<ApiClientOwnerKind, readonly ApiScope[]> = {
  UNIT: API_SCOPES,
  ORGANISATION: API_SCOPES.filter((scope) => scope !== ApiScope.BINDINGS_READ),
};

export interface ClientOwner {
  kind: ApiClientOwnerKind;
  id: string;
  accountId: string;
}

/**
 * Who manages clients: a unit's legal person (for the unit) and bureau staff (for their bureau).
 * Agents, applicants, other staff and clients themselves are refused.
 */
export function clientOwnerOf(auth: AuthResult): ClientOwner {
  const principal = requirePrincipal(auth);
  if (principal.kind === 'LEGAL_PERSON' && principal.roles.includes(Role.LEGAL_PERSON))
    return { kind: 'UNIT', id: principal.unitId ?? principal.accountId, accountId: principal.accountId };
  if (
    principal.kind === 'STAFF' &&
    principal.roles.includes(Role.BUREAU_REVIEWER) &&
    principal.organisationId
  )
    return { kind: 'ORGANISATION', id: principal.organisationId, accountId: principal.accountId };
  throw forbidden('只有单位法人或人社部门工作人员可以管理接口客户端');
}

const ownedBy = (owner: ClientOwner) =>
  owner.kind === 'UNIT' ? { unitId: owner.id } : { organisationId: owner.id };

/** The owner's clients, newest first (revoked ones too: their history matters). */
export async function listClients(em: EntityManager, auth: AuthResult): Promise<ApiClient[]> {
  const owner = clientOwnerOf(auth);
  return em.find(ApiClient, ownedBy(owner), { orderBy: { createdAt: 'desc', id: 'desc' } });
}

/** One of the owner's clients; anyone else's answers NOT_FOUND. */
export async function ownedClient(em: EntityManager, owner: ClientOwner, id: string): Promise<ApiClient> {
  const client = UUID.test(id) ? await em.findOne(ApiClient, { id, ...ownedBy(owner) }) : null;
  if (!client) throw notFound(CLIENT_NOT_FOUND);
  return client;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every problem with a name and a scope list, at once. */
function checkClientInput(
  problems: Problems,
  owner: ClientOwner,
  input: { name?: string | null; scopes?: readonly string[] | null },
  required: boolean,
): void {
  if (input.name !== undefined && input.name !== null) {
    const name = input.name.trim();
    if (!name) problems.add('name', 'REQUIRED', '请填写客户端名称，例如“人事管理系统”');
    else if ([...name].length > CLIENT_NAME_MAX)
      problems.add('name', 'TOO_LONG', `客户端名称不能超过 ${CLIENT_NAME_MAX} 个字`);
  } else if (required) problems.add('name', 'REQUIRED', '请填写客户端名称，例如“人事管理系统”');
  if (input.scopes !== undefined && input.scopes !== null) {
    const allowed = SCOPES_FOR[owner.kind];
    if (input.scopes.length === 0) problems.add('scopes', 'REQUIRED', '请至少选择一项权限');
    input.scopes.forEach((scope, index) => {
      if (!(API_SCOPES as readonly string[]).includes(scope))
        problems.add(
          `scopes.${index}`,
          'UNKNOWN_SCOPE',
          `没有“${scope}”这项权限，可选：${allowed.join('、')}`,
        );
      else if (!(allowed as readonly string[]).includes(scope))
        problems.add(`scopes.${index}`, 'SCOPE_NOT_ALLOWED', `本机构的客户端不能拥有“${scope}”权限`);
    });
  } else if (required) problems.add('scopes', 'REQUIRED', '请至少选择一项权限');
}

const orderedScopes = (scopes: readonly string[]) => API_SCOPES.filter((scope) => scopes.includes(scope));

function newSecret(): string {
  return CLIENT_SECRET_PREFIX + randomBytes(32).toString('base64url');
}

export interface IssuedSecret {
  client: ApiClient;
  /** Shown once, never stored in the clear. */
  clientSecret: string;
}

export async function createClient(
  em: EntityManager,
  auth: AuthResult,
  cipher: DataCipher,
  input: { name: string; scopes: string[] },
): Promise<IssuedSecret> {
  const owner = clientOwnerOf(auth);
  const problems = new Problems();
  checkClientInput(problems, owner, input, true);
  const active = await em.count(ApiClient, { ...ownedBy(owner), revokedAt: null });
  if (active >= CLIENTS_PER_OWNER_MAX)
    problems.add(
      'name',
      'TOO_MANY_CLIENTS',
      `最多可有 ${CLIENTS_PER_OWNER_MAX} 个有效客户端，请先吊销不再使用的客户端`,
    );
  problems.throwIfAny();
  const clientSecret = newSecret();
  const client = em.create(ApiClient, {
    name: input.name.trim(),
    ownerKind: owner.kind,
    unitId: owner.kind === 'UNIT' ? owner.id : null,
    organisationId: owner.kind === 'ORGANISATION' ? owner.id : null,
    scopes: orderedScopes(input.scopes),
    secretHash: cipher.keyedHash(clientSecret),
    secretHint: clientSecret.slice(-4),
    createdBy: owner.accountId,
  });
  await em.persist(client).flush();
  return { client, clientSecret };
}

export async function updateClient(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  input: { name?: string | null; scopes?: string[] | null },
): Promise<ApiClient> {
  const owner = clientOwnerOf(auth);
  const client = await ownedClient(em, owner, id);
  const problems = new Problems();
  checkClientInput(problems, owner, input, false);
  if (client.revokedAt) problems.add('id', 'REVOKED', '该客户端已吊销，不能再修改');
  problems.throwIfAny();
  if (input.name) client.name = input.name.trim();
  // Narrowed scopes apply to the next token; tokens live minutes (CLIENT_TOKEN_TTL_SECONDS).
  if (input.scopes) client.scopes = orderedScopes(input.scopes);
  await em.flush();
  return client;
}

/** A new secret; the old one stops at once (tokens already issued run out within minutes). */
export async function rotateClientSecret(
  em: EntityManager,
  auth: AuthResult,
  cipher: DataCipher,
  id: string,
): Promise<IssuedSecret> {
  const client = await ownedClient(em, clientOwnerOf(auth), id);
  if (client.revokedAt) new Problems().add('id', 'REVOKED', '该客户端已吊销，不能再更换密钥').throwIfAny();
  const clientSecret = newSecret();
  client.secretHash = cipher.keyedHash(clientSecret);
  client.secretHint = clientSecret.slice(-4);
  client.secretRotatedAt = new Date();
  await em.flush();
  return { client, clientSecret };
}

/**
 * Revokes a client for good. Its tokens carry its id as their session (`sid`), and the
 * revocation feed every verifier follows lists revoked clients too, so they stop at once.
 */
export async function revokeClient(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  revoked: (clientId: string, untilMs: number) => void,
  tokenTtlSeconds: number,
): Promise<ApiClient> {
  const client = await ownedClient(em, clientOwnerOf(auth), id);
  if (!client.revokedAt) {
    client.revokedAt = new Date();
    await em.flush();
  }
  revoked(client.id, client.revokedAt.getTime() + (tokenTtlSeconds + 60) * 1000);
  return client;
}

// ---- the token endpoint ---------------------------------------------------------------------------

export type ClientAuthFailure = 'UNKNOWN_OR_WRONG_SECRET' | 'REVOKED';

/** The client whose id and secret these are, or why not (without saying which of the two was wrong). */
export async function authenticateClient(
  em: EntityManager,
  cipher: DataCipher,
  clientId: string,
  secret: string,
): Promise<ApiClient | ClientAuthFailure> {
  const client = UUID.test(clientId) ? await em.findOne(ApiClient, { id: clientId }) : null;
  // Hash even for an unknown id, so timing does not tell which ids exist.
  const presented = Buffer.from(cipher.keyedHash(secret), 'hex');
  const stored = Buffer.from(client?.secretHash ?? '0'.repeat(64), 'hex');
  const matches = presented.length === stored.length && timingSafeEqual(presented, stored);
  if (!client || !matches) return 'UNKNOWN_OR_WRONG_SECRET';
  if (client.revokedAt) return 'REVOKED';
  return client;
}

/** The scopes a token gets: all the client's when none are asked for, else exactly those asked. */
export function grantedScopes(
  client: ApiClient,
  requested: string | undefined,
): { granted: string[] } | { refused: string[] } {
  if (requested === undefined || requested.trim() === '') return { granted: [...client.scopes] };
  const asked = [...new Set(requested.trim().split(/ +/))];
  const refused = asked.filter((scope) => !client.scopes.includes(scope));
  return refused.length ? { refused } : { granted: orderedScopes(asked) };
}

/** What a client's token says: kind CLIENT, no roles, its unit or organisation, its scopes. */
export function clientPrincipal(client: ApiClient, scopes: string[]): Principal {
  return {
    accountId: client.id,
    kind: 'CLIENT',
    roles: [],
    displayName: client.name,
    ...(client.unitId ? { unitId: client.unitId } : {}),
    ...(client.organisationId ? { organisationId: client.organisationId } : {}),
    scopes,
    // Revoking the client revokes this "session": every verifier refuses its tokens at once.
    sessionId: client.id,
  };
}
