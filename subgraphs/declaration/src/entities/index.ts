import { eventEntities } from '@zhicheng/events';
import { Attachment } from './attachment';
import { BaseEntity } from './base';
import { Channel } from './channel';
import { Declaration } from './declaration';
import { Notice } from './notice';
import { ApplicantBinding, ApplicantIdentity, KnownUnit } from './read-model';

export * from './attachment';
export * from './channel';
export * from './declaration';
export * from './notice';
export * from './read-model';

export const entities = [
  BaseEntity,
  Channel,
  Notice,
  Declaration,
  Attachment,
  ApplicantBinding,
  ApplicantIdentity,
  KnownUnit,
  ...eventEntities,
];
