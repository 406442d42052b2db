// 接口客户端: third-party clients and their webhooks, managed by a unit's legal person or bureau
// staff (domain/clients.ts, domain/webhooks.ts hold the rules; this layer only maps).
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import { SCOPE_WORDS, type ApiScope } from '@zhicheng/server-kit';
import type { IdentityContext } from '../context';
import {
  clientOwnerOf,
  createClient,
  listClients,
  revokeClient,
  rotateClientSecret,
  SCOPES_FOR,
  updateClient,
  type IssuedSecret,
} from '../domain/clients';
import {
  createEndpoint,
  deleteEndpoint,
  endpointDeliveries,
  redeliver,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_EVENTS,
  webhookSettingsOf,
} from '../domain/webhooks';
import { WebhookEndpoint, type ApiClient, type WebhookDelivery } from '../entities';

enum WebhookDeliveryStatusEnum {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING: queued or waiting for a retry; DELIVERED: a 2xx answer; FAILED: retries used up',
});

@ObjectType('ApiScopeInfo', { description: 'A scope a client may hold, with its words' })
export class ApiScopeInfoView {
  @Field({ description: 'e.g. declarations:read' }) scope!: string;
  @Field() name!: string;
  @Field() nameEn!: string;
}

@ObjectType('WebhookEventInfo', { description: 'An event type a webhook receiver may ask for' })
export class WebhookEventInfoView {
  @Field({ description: 'e.g. declaration.status_changed' }) type!: string;
  @Field() name!: string;
  @Field() nameEn!: string;
  @Field({ description: 'The scope the client needs to receive it' }) scope!: string;
}

@ObjectType('ApiClient', {
  description: '接口客户端: a third-party system that gets tokens at /oauth/token (client credentials)',
})
export class ApiClientView {
  @Field(() => ID, { description: 'Also the OAuth client_id' }) id!: string;
  @Field() name!: string;
  @Field(() => [String]) scopes!: string[];
  @Field({ description: 'The last four characters of the current secret' }) secretHint!: string;
  @Field() createdAt!: Date;
  @Field() secretRotatedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it last got a token' }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field() active!: boolean;

  static of(client: ApiClient): ApiClientView {
    return Object.assign(new ApiClientView(), {
      id: client.id,
      name: client.name,
      scopes: client.scopes,
      secretHint: client.secretHint,
      createdAt: client.createdAt,
      secretRotatedAt: client.secretRotatedAt,
      lastUsedAt: client.lastUsedAt ?? null,
      revokedAt: client.revokedAt ?? null,
      active: !client.revokedAt,
    });
  }
}

@ObjectType('ApiClientSecret', { description: 'A client with its secret: shown this once, never again' })
export class ApiClientSecretView {
  @Field(() => ApiClientView) client!: ApiClientView;
  @Field({ description: 'client_secret for /oauth/token; store it in the system now' }) clientSecret!: string;

  static of(issued: IssuedSecret): ApiClientSecretView {
    return Object.assign(new ApiClientSecretView(), {
      client: ApiClientView.of(issued.client),
      clientSecret: issued.clientSecret,
    });
  }
}

@ObjectType('WebhookEndpoint', { description: 'A receiver of signed webhook deliveries (Standard Webhooks)' })
export class WebhookEndpointView {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field() url!: string;
  @Field(() => [String]) events!: string[];
  @Field() createdAt!: Date;
  @Field({ description: 'A delivery used up its retries since the last successful one' }) failing!: boolean;
  @Field(() => Date, { nullable: true }) failingSince!: Date | null;

  static of(endpoint: WebhookEndpoint): WebhookEndpointView {
    return Object.assign(new WebhookEndpointView(), {
      id: endpoint.id,
      clientId: endpoint.clientId,
      url: endpoint.url,
      events: endpoint.events,
      createdAt: endpoint.createdAt,
      failing: Boolean(endpoint.failingSince),
      failingSince: endpoint.failingSince ?? null,
    });
  }
}

@ObjectType('WebhookEndpointSecret', {
  description: 'A new receiver with its signing secret: shown this once',
})
export class WebhookEndpointSecretView {
  @Field(() => WebhookEndpointView) endpoint!: WebhookEndpointView;
  @Field({ description: 'whsec_… (Standard Webhooks): verifies webhook-signature' }) signingSecret!: string;
}

@ObjectType('WebhookAttempt')
export class WebhookAttemptView {
  @Field() at!: Date;
  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when none came" })
  statusCode!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Int) durationMs!: number;
}

@ObjectType('WebhookDelivery', {
  description: 'One event for one receiver, with every attempt (the delivery log)',
})
export class WebhookDeliveryView {
  @Field(() => ID, { description: 'The webhook-id header (the same on every retry)' }) id!: string;
  @Field() eventType!: string;
  @Field(() => WebhookDeliveryStatusEnum) status!: WebhookDeliveryStatusEnum;
  @Field(() => Int, { description: 'Attempts since it was (re)queued' }) attemptCount!: number;
  @Field(() => [WebhookAttemptView]) attempts!: WebhookAttemptView[];
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Date, { nullable: true }) nextAttemptAt!: Date | null;
  @Field({ description: 'The JSON body as signed and sent' }) body!: string;

  static of(delivery: WebhookDelivery): WebhookDeliveryView {
    return Object.assign(new WebhookDeliveryView(), {
      id: delivery.id,
      eventType: delivery.eventType,
      status: delivery.status as WebhookDeliveryStatusEnum,
      attemptCount: delivery.attemptCount,
      attempts: delivery.attempts.map((a) => ({ ...a, at: new Date(a.at) })),
      createdAt: delivery.createdAt,
      deliveredAt: delivery.deliveredAt ?? null,
      nextAttemptAt: delivery.nextAttemptAt ?? null,
      body: delivery.body,
    });
  }
}

@InputType()
export class CreateApiClientInput {
  @Field({ description: 'e.g. 人事管理系统' }) name!: string;
  @Field(() => [String], { description: 'Scopes, e.g. ["declarations:read"] (apiScopes lists them)' })
  scopes!: string[];
}

@InputType()
export class UpdateApiClientInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [String], { nullable: true }) scopes?: string[] | null;
}

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => ID) clientId!: string;
  @Field({ description: 'https:// and a public address (loopback only where WEBHOOK_ALLOW_LOOPBACK)' })
  url!: string;
  @Field(() => [String], { description: 'Event types (webhookEvents lists them)' }) events!: string[];
}

const endpointsByClient = (ctx: IdentityContext) =>
  ctx.loaders.get<string, WebhookEndpoint[]>('webhookEndpointsByClient', async (clientIds) => {
    const rows = await ctx.em.find(
      WebhookEndpoint,
      { clientId: { $in: [...clientIds] }, deletedAt: null },
      { orderBy: { createdAt: 'asc' } },
    );
    return clientIds.map((id) => rows.filter((row) => row.clientId === id));
  });

@Resolver(() => ApiClientView)
export class ApiClientResolver {
  @Query(() => [ApiClientView], {
    description: "The caller's unit's (legal person) or bureau's (bureau staff) clients, newest first",
  })
  async apiClients(@Ctx() ctx: IdentityContext): Promise<ApiClientView[]> {
    return (await listClients(ctx.em, ctx.auth)).map(ApiClientView.of);
  }

  @Query(() => [ApiScopeInfoView], { description: "The scopes the caller's clients may hold" })
  apiScopes(@Ctx() ctx: IdentityContext): ApiScopeInfoView[] {
    const owner = clientOwnerOf(ctx.auth);
    return SCOPES_FOR[owner.kind].map((scope: ApiScope) => ({
      scope,
      name: SCOPE_WORDS[scope].zh,
      nameEn: SCOPE_WORDS[scope].en,
    }));
  }

  @Query(() => [WebhookEventInfoView], { description: 'The event types a receiver may ask for' })
  webhookEvents(@Ctx() ctx: IdentityContext): WebhookEventInfoView[] {
    clientOwnerOf(ctx.auth);
    return WEBHOOK_EVENT_TYPES.map((type) => ({
      type,
      name: WEBHOOK_EVENTS[type].zh,
      nameEn: WEBHOOK_EVENTS[type].en,
      scope: WEBHOOK_EVENTS[type].scope,
    }));
  }

  @Query(() => [WebhookDeliveryView], { description: "A receiver's deliveries, newest first (投递记录)" })
  async webhookDeliveries(
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: IdentityContext,
  ): Promise<WebhookDeliveryView[]> {
    return (await endpointDeliveries(ctx.em, ctx.auth, endpointId, first)).map(WebhookDeliveryView.of);
  }

  @FieldResolver(() => [WebhookEndpointView])
  async webhookEndpoints(
    @Root() client: ApiClientView,
    @Ctx() ctx: IdentityContext,
  ): Promise<WebhookEndpointView[]> {
    return (await endpointsByClient(ctx).load(client.id)).map(WebhookEndpointView.of);
  }

  @Mutation(() => ApiClientSecretView, { description: 'A new client; its secret is in this answer only' })
  async createApiClient(
    @Arg('input') input: CreateApiClientInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<ApiClientSecretView> {
    return ApiClientSecretView.of(await createClient(ctx.em, ctx.auth, ctx.deps.cipher, input));
  }

  @Mutation(() => ApiClientView, {
    description: 'Renames or re-scopes a client (its next token has the new scopes)',
  })
  async updateApiClient(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateApiClientInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<ApiClientView> {
    return ApiClientView.of(await updateClient(ctx.em, ctx.auth, id, input));
  }

  @Mutation(() => ApiClientSecretView, { description: 'A new secret; the old one stops working at once' })
  async rotateApiClientSecret(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<ApiClientSecretView> {
    return ApiClientSecretView.of(await rotateClientSecret(ctx.em, ctx.auth, ctx.deps.cipher, id));
  }

  @Mutation(() => ApiClientView, {
    description: 'Revokes the client for good: its tokens stop working at once',
  })
  async revokeApiClient(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<ApiClientView> {
    const client = await revokeClient(
      ctx.em,
      ctx.auth,
      id,
      (clientId, until) => ctx.deps.revocations.add(clientId, until),
      ctx.deps.env.CLIENT_TOKEN_TTL_SECONDS,
    );
    return ApiClientView.of(client);
  }

  @Mutation(() => WebhookEndpointSecretView, {
    description: 'Registers a receiver; its signing secret is in this answer only',
  })
  async createWebhookEndpoint(
    @Arg('input') input: CreateWebhookEndpointInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<WebhookEndpointSecretView> {
    const created = await createEndpoint(
      ctx.em,
      ctx.auth,
      ctx.deps.cipher,
      webhookSettingsOf(ctx.deps.env),
      input,
    );
    return Object.assign(new WebhookEndpointSecretView(), {
      endpoint: WebhookEndpointView.of(created.endpoint),
      signingSecret: created.signingSecret,
    });
  }

  @Mutation(() => WebhookEndpointView, { description: 'Stops deliveries to the receiver (its log stays)' })
  async deleteWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<WebhookEndpointView> {
    return WebhookEndpointView.of(await deleteEndpoint(ctx.em, ctx.auth, id));
  }

  @Mutation(() => WebhookDeliveryView, {
    description: '重新投递: sends the delivery again (same id and body)',
  })
  async redeliverWebhook(
    @Arg('deliveryId', () => ID) deliveryId: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<WebhookDeliveryView> {
    return WebhookDeliveryView.of(await redeliver(ctx.em, ctx.auth, deliveryId));
  }
}
