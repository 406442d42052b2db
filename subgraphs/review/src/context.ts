import type { FileStorage } from '@zhicheng/files';
import type { LivePubSub } from '@zhicheng/live';
import type { Logger, RequestContext } from '@zhicheng/server-kit';
import type { ReviewEnv } from './env';
import type { FileLinks } from './files/tokens';

/** What review's services need besides the request's EntityManager. */
export interface ReviewDeps {
  env: ReviewEnv;
  logger: Logger;
  storage: FileStorage;
  links: FileLinks;
  /** The clock (tests may move it). */
  now(): Date;
  /** Live notices: the subscriptions read them (changes publish with publishLive). */
  live: LivePubSub;
}

export interface ReviewContext extends RequestContext {
  deps: ReviewDeps;
}
