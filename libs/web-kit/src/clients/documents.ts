// 接口客户端: the client and webhook API documents shared by unit-audit and bureau-dashboard.
import { graphql } from '../gql';

export const ApiClientsQuery = graphql(`
  query ApiClients {
    apiClients {
      id
      name
      scopes
      secretHint
      createdAt
      lastUsedAt
      revokedAt
      active
      webhookEndpoints {
        id
        url
        events
        failing
        createdAt
      }
    }
    apiScopes {
      scope
      name
      nameEn
    }
    webhookEvents {
      type
      name
      nameEn
      scope
    }
  }
`);

export const CreateApiClientMutation = graphql(`
  mutation CreateApiClient($input: CreateApiClientInput!) {
    createApiClient(input: $input) {
      clientSecret
      client {
        id
        name
      }
    }
  }
`);

export const UpdateApiClientMutation = graphql(`
  mutation UpdateApiClient($id: ID!, $input: UpdateApiClientInput!) {
    updateApiClient(id: $id, input: $input) {
      id
      name
      scopes
    }
  }
`);

export const RotateApiClientSecretMutation = graphql(`
  mutation RotateApiClientSecret($id: ID!) {
    rotateApiClientSecret(id: $id) {
      clientSecret
      client {
        id
        name
        secretHint
      }
    }
  }
`);

export const RevokeApiClientMutation = graphql(`
  mutation RevokeApiClient($id: ID!) {
    revokeApiClient(id: $id) {
      id
      active
      revokedAt
    }
  }
`);

export const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      signingSecret
      endpoint {
        id
        url
      }
    }
  }
`);

export const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      id
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($endpointId: ID!) {
    webhookDeliveries(endpointId: $endpointId, first: 50) {
      id
      eventType
      status
      attemptCount
      createdAt
      deliveredAt
      nextAttemptAt
      attempts {
        at
        statusCode
        error
      }
    }
  }
`);

export const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      id
      status
      nextAttemptAt
    }
  }
`);
