// 谁查看了我的信息: every read of a person's personal data by someone else becomes a
// PersonalDataViewed event, which identity keeps as the person's access log.
//
// Reads happen outside transactions and one request may touch a person's data in many fields
// (modules, attachments, forms), so resolvers only *note* a view in a per-request collector; a
// plugin writes the notes once per request, in their own short transaction, before the answer
// leaves. A note is made only where the unmasked data is actually resolved.
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { PersonalDataItem, PersonalDataViewer } from './catalogue';
import { recordEvent } from './record';

/** The part of a subgraph's request context a note needs. */
export interface ViewingContext {
  requestId: string;
  auth: {
    principal: {
      accountId: string;
      kind: string;
      roles: readonly string[];
      displayName: string;
      unitId?: string;
      organisationId?: string;
    } | null;
  };
}

export interface PersonalDataView {
  personId: string;
  item: PersonalDataItem;
  declarationId?: string | null;
}

interface Collected {
  requestId: string;
  viewer: PersonalDataViewer;
  /** One entry per (person, declaration); its items are what the request showed of them. */
  groups: Map<string, { personId: string; declarationId: string | null; items: Set<PersonalDataItem> }>;
}

// Keyed by the request's context object: nothing to add to the shared context type, and a
// context that is never flushed (a subscription event) is simply collected with it.
const collected = new WeakMap<object, Collected>();

/** The viewer as the log keeps it; null when nobody is signed in (nothing is shown then). */
export function viewerOf(principal: ViewingContext['auth']['principal']): PersonalDataViewer | null {
  if (!principal) return null;
  return {
    kind: principal.kind,
    id: principal.accountId,
    name: principal.displayName,
    roles: [...principal.roles],
    // A legal person's account is its unit.
    unitId: principal.unitId ?? (principal.kind === 'LEGAL_PERSON' ? principal.accountId : null),
    organisationId: principal.organisationId ?? null,
  };
}

/** Whether the caller is the person themself: one's own reads are not logged. */
export function isSelf(principal: ViewingContext['auth']['principal'], personId: string): boolean {
  return principal?.kind === 'PERSON' && principal.accountId === personId;
}

/**
 * Notes that this request shows `item` of the person to the caller. Call it where the unmasked
 * data is resolved (after authorisation). The person's own reads and anonymous requests are
 * ignored.
 */
export function notePersonalDataView(ctx: ViewingContext, view: PersonalDataView): void {
  const principal = ctx.auth.principal;
  if (!principal || isSelf(principal, view.personId)) return;
  let entry = collected.get(ctx);
  if (!entry) {
    entry = { requestId: ctx.requestId, viewer: viewerOf(principal)!, groups: new Map() };
    collected.set(ctx, entry);
  }
  const declarationId = view.declarationId ?? null;
  const key = `${view.personId}|${declarationId ?? ''}`;
  let group = entry.groups.get(key);
  if (!group) {
    group = { personId: view.personId, declarationId, items: new Set() };
    entry.groups.set(key, group);
  }
  group.items.add(view.item);
}

/** Writes the request's notes to the outbox (one event per person and declaration), once. */
export async function flushPersonalDataViews(
  orm: MikroORM,
  ctx: object,
  now: () => Date = () => new Date(),
): Promise<number> {
  const entry = collected.get(ctx);
  if (!entry || entry.groups.size === 0) return 0;
  collected.delete(ctx);
  const viewedAt = now().toISOString();
  await orm.em.fork().transactional(async (em) => {
    for (const group of entry.groups.values()) {
      recordEvent(em, 'PersonalDataViewed', {
        personId: group.personId,
        declarationId: group.declarationId,
        items: [...group.items].sort(),
        viewer: entry.viewer,
        viewedAt,
        requestId: entry.requestId,
      });
    }
  });
  return entry.groups.size;
}

export const ACCESS_LOG_UNAVAILABLE = '暂时无法记录本次查看，为保护申报人信息未显示内容，请稍后重试';

/**
 * The subgraph plugin that flushes each request's notes before the answer is sent. A read that
 * cannot be recorded is not served: the answer is replaced by an error (fail closed).
 */
export function personalDataViewsPlugin<C extends object>(
  orm: MikroORM,
  logger: Logger,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(request: GraphQLRequestContext<C>) {
          try {
            await flushPersonalDataViews(orm, request.contextValue);
          } catch (error) {
            logger.error({ err: error }, 'recording personal data views failed; answer withheld');
            const body = request.response.body;
            if (body?.kind === 'single') {
              body.singleResult = {
                errors: [
                  {
                    message: ACCESS_LOG_UNAVAILABLE,
                    extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'ACCESS_LOG_UNAVAILABLE' },
                  },
                ],
              };
            }
          }
        },
      };
    },
  };
}
