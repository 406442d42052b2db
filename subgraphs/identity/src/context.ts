import type { RequestContext } from '@zhicheng/server-kit';
import type { IdentityDeps } from './domain/deps';

export interface IdentityContext extends RequestContext {
  deps: IdentityDeps;
}
