import type { FileStorage } from '@zhicheng/files';
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
}

export interface ReviewContext extends RequestContext {
  deps: ReviewDeps;
}
