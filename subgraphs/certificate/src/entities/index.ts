import { eventEntities } from '@zhicheng/events';
import { Certificate, type CertificateKind } from './certificate';
import { DeclarationFact } from './declaration-fact';
import { RateLimitBucket } from '@zhicheng/server-kit';
import { SigningKey } from './signing-key';

export { Certificate, DeclarationFact, RateLimitBucket, SigningKey, type CertificateKind };

export const entities = [Certificate, DeclarationFact, SigningKey, RateLimitBucket, ...eventEntities];
