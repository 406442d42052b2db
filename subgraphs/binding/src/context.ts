import type { RequestContext } from '@zhicheng/server-kit';

/** Binding's rules need nothing beyond the base context: the request's EntityManager and caller. */
export type BindingContext = RequestContext;
