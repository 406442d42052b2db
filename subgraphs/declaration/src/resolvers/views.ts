// Entities → GraphQL views. Field resolvers (loaders, signed links, the clock) add the rest.
import type * as E from '../entities';
import { CATEGORY_WORDS, STATUS_WORDS } from '../services/rules';
import { AttachmentSlotKind } from '../entities';
import { caseNumberOf, ROUTE_LEVEL_WORDS, type ReviewPosition, type ReviewStop } from '../domain';
import {
  AttachmentView,
  DeclarationView,
  type ReviewPositionView,
  type ReviewStopView,
} from './declaration.types';
import type { FileFormatEnum, ReviewLevelEnum, BusinessFormKindEnum, ChannelOutcomeEnum } from './enums';
import { ChannelView, NoticeView, type FormConfigGql } from './notice.types';

export function channelView(channel: E.Channel): ChannelView {
  const config = channel.config;
  return Object.assign(new ChannelView(), {
    code: channel.code,
    name: channel.name,
    group: config.group,
    groupName: channel.groupName,
    route: config.route as ReviewLevelEnum[],
    allowsExceptional: config.allowsExceptional,
    requiresCommittee: config.requiresCommittee,
    usesTitleCatalogue: config.usesTitleCatalogue,
    businessForms: config.businessForms as BusinessFormKindEnum[],
    defaultFormConfig: config.defaultFormConfig as unknown as FormConfigGql,
    outcomeAfterRoute: config.outcomeAfterRoute as ChannelOutcomeEnum,
    sortOrder: channel.sortOrder,
    retiredAt: channel.retiredAt ?? null,
  });
}

export function noticeView(notice: E.Notice): NoticeView {
  return Object.assign(new NoticeView(), {
    id: notice.id,
    title: notice.title,
    opensAt: notice.opensAt,
    closesAt: notice.closesAt,
    notes: notice.notes,
    status: notice.status,
    publishedAt: notice.publishedAt ?? null,
    formConfig: notice.formConfig as unknown as FormConfigGql,
    route: notice.route.map((r) => ({ ...r, level: r.level as ReviewLevelEnum })),
    coverage: notice.coverage,
    committees: notice.committees,
    createdAt: notice.createdAt,
    updatedAt: notice.updatedAt,
    channelCode: notice.channel.code,
  });
}

const UNDER_REVIEW: readonly string[] = ['SUBMITTED', 'MATERIALS_APPROVED'];

function reviewStopView(stop: ReviewStop): ReviewStopView {
  return {
    level: stop.level as ReviewLevelEnum,
    levelText: ROUTE_LEVEL_WORDS[stop.level],
    organisationId: stop.organisationId,
    organisationName: stop.organisationName,
  };
}

function reviewPositionView(position: ReviewPosition): ReviewPositionView {
  return {
    ...reviewStopView(position),
    since: new Date(position.since),
    deferred: position.deferredAt !== null,
    deferredAt: position.deferredAt ? new Date(position.deferredAt) : null,
    returnedFrom: position.returnedFrom ? reviewStopView(position.returnedFrom.from) : null,
  };
}

export function declarationView(declaration: E.Declaration): DeclarationView {
  const returned = declaration.status === 'RETURNED';
  return Object.assign(new DeclarationView(), {
    id: declaration.id,
    status: declaration.status,
    statusText: STATUS_WORDS[declaration.status as E.DeclarationStatus],
    version: declaration.version,
    category: declaration.category,
    categoryText: CATEGORY_WORDS[declaration.category],
    applicantName: declaration.applicantName,
    unitName: declaration.unitName,
    committeeId: declaration.committeeId ?? null,
    returnOpinion: returned ? (declaration.returnOpinion ?? null) : null,
    returnedModules: returned ? (declaration.returnedModules ?? []) : null,
    returnedAt: returned ? (declaration.returnedAt ?? null) : null,
    returnedBy: returned && declaration.returnedBy ? reviewStopView(declaration.returnedBy) : null,
    reviewPosition:
      UNDER_REVIEW.includes(declaration.status) && declaration.reviewPosition
        ? reviewPositionView(declaration.reviewPosition)
        : null,
    statusChangedAt: declaration.statusChangedAt ?? null,
    createdAt: declaration.createdAt,
    updatedAt: declaration.updatedAt,
    caseNumber: caseNumberOf(declaration),
    submittedAt: declaration.submittedAt ?? null,
    pledgedAt: declaration.pledgedAt ?? null,
    entity: declaration,
  });
}

export function attachmentView(attachment: E.Attachment): AttachmentView {
  return Object.assign(new AttachmentView(), {
    id: attachment.id,
    slot:
      attachment.slotKind === AttachmentSlotKind.CATALOGUE
        ? { kind: attachment.slotKind, code: attachment.slotCode, module: null, entryId: null }
        : { kind: attachment.slotKind, code: null, module: attachment.slotCode, entryId: attachment.entryId },
    fileName: attachment.fileName,
    format: attachment.format as FileFormatEnum,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    uploadedAt: attachment.createdAt,
  });
}
