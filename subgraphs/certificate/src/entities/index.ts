import { eventEntities } from '@zhicheng/events';
import { RateLimitBucket } from '@zhicheng/server-kit';
import { ApplicationFile, FilePurpose, StoredFile } from './application-file';
import { ApplicationStatus, HistoricalRegistration, ReissueApplication } from './applications';
import { Certificate, type CertificateKind } from './certificate';
import { DeclarationFact } from './declaration-fact';
import { DeclarationPoint, Region } from './region';
import { SigningKey } from './signing-key';

export {
  ApplicationFile,
  ApplicationStatus,
  Certificate,
  DeclarationFact,
  DeclarationPoint,
  FilePurpose,
  HistoricalRegistration,
  RateLimitBucket,
  Region,
  ReissueApplication,
  SigningKey,
  StoredFile,
  type CertificateKind,
};

export const entities = [
  Certificate,
  DeclarationFact,
  SigningKey,
  RateLimitBucket,
  Region,
  DeclarationPoint,
  ApplicationFile,
  StoredFile,
  ReissueApplication,
  HistoricalRegistration,
  ...eventEntities,
];
