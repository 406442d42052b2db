import { eventEntities } from '@zhicheng/events';
import { Agent } from './agent';
import { ApiClient, WebhookDeclaration, WebhookDelivery, WebhookEndpoint } from './api-client';
import { Captcha } from './captcha';
import { Organisation } from './organisation';
import { Person } from './person';
import { PendingBindingRequest, PersonalDataAccess } from './personal-data-access';
import { RateLimitBucket } from '@zhicheng/server-kit';
import { AuthSession } from './session';
import { SignInThrottle } from './sign-in-throttle';
import { SigningKey } from './signing-key';
import { SmsCode, SmsOutboxMessage } from './sms';
import { StaffAccount } from './staff-account';
import { Unit } from './unit';
import { BaseEntity, PasswordAccount } from './base';
export { PasswordAccount } from './base';

export * from './agent';
export * from './api-client';
export * from './captcha';
export * from './organisation';
export * from './person';
export * from './personal-data-access';
export * from './session';
export * from './sign-in-throttle';
export * from './signing-key';
export * from './sms';
export * from './staff-account';
export * from './unit';

export const entities = [
  BaseEntity,
  PasswordAccount,
  Person,
  Unit,
  Agent,
  Organisation,
  StaffAccount,
  AuthSession,
  Captcha,
  SmsCode,
  SmsOutboxMessage,
  SigningKey,
  RateLimitBucket,
  SignInThrottle,
  // 谁查看了我的信息 and what it needs to know (access-log.ts).
  PersonalDataAccess,
  PendingBindingRequest,
  // Third-party clients and their webhooks (domain/clients.ts, domain/webhooks.ts).
  ApiClient,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookDeclaration,
  // The outbox and inbox of identity's events (UnitReady), in identity's own schema.
  ...eventEntities,
];
