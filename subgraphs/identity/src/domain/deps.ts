import type { Logger, RevocationList } from '@zhicheng/server-kit';
import type { IdentityEnv } from '../env';
import type { DataCipher } from './secrets';
import type { SmsSender } from './sms';
import type { ActiveKey } from './tokens';

/** Everything the identity rules need besides the request's EntityManager. */
export interface IdentityDeps {
  env: IdentityEnv;
  sms: SmsSender;
  signingKey: ActiveKey;
  logger: Logger;
  /** Encrypts secrets at rest and keys the SMS code hashes (IDENTITY_DATA_KEY). */
  cipher: DataCipher;
  /** This process's revoked sessions (its token verifier reads them). */
  revocations: RevocationList;
}

/** Who is asking, as far as the rules care: for rate limits and session records. */
export interface CallerMeta {
  ip: string;
  userAgent?: string;
}
