import { eventEntities } from '@zhicheng/events';
import { RateLimitBucket } from '@zhicheng/server-kit';
import { AccountHolder } from './account-holder';
import { ApplicationFile, FilePurpose, StoredFile } from './application-file';
import { ApplicationStatus, HistoricalRegistration, ReissueApplication } from './applications';
import { Certificate, type CertificateKind } from './certificate';
import { DeclarationFact } from './declaration-fact';
import { DeclarationPoint, Region } from './region';
import { SigningKey } from './signing-key';

export {
  AccountHolder,
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
  AccountHolder,
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
