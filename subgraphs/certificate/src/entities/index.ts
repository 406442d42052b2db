import { eventEntities } from '@zhicheng/events';
import { Certificate } from './certificate';
import { DeclarationFact } from './declaration-fact';
import { RateLimitBucket } from '@zhicheng/server-kit';
import { SigningKey } from './signing-key';

export { Certificate, DeclarationFact, RateLimitBucket, SigningKey };

export const entities = [Certificate, DeclarationFact, SigningKey, RateLimitBucket, ...eventEntities];
