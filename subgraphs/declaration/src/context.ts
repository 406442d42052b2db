import type { FileStorage } from '@zhicheng/files';
import type { LivePubSub } from '@zhicheng/live';
import type { Logger, RequestContext } from '@zhicheng/server-kit';
import type { DeclarationEnv } from './env';
import type { FileLinks } from './files/tokens';
import type { DegreeRegistry } from './services/registry';

/** What the declaration services need besides the request's EntityManager. */
export interface DeclarationDeps {
  env: DeclarationEnv;
  logger: Logger;
  storage: FileStorage;
  links: FileLinks;
  /** The clock (tests move it to check windows and deadlines). */
  now(): Date;
  /** Live notices (subscriptions read them; status changes publish with publishLive). */
  live: LivePubSub;
  /** A degree registry client; absent by default (none is connected), so every record is manual. */
  degreeRegistry?: DegreeRegistry | null;
}

export interface DeclarationContext extends RequestContext {
  deps: DeclarationDeps;
}
