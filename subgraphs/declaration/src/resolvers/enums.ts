import { registerEnumType } from 'type-graphql';
import { CatalogueLevel, ChannelGroup } from '../domain';
import { AttachmentSlotKind, DeclarationCategory, DeclarationStatus, NoticeStatus } from '../entities';

/** File formats as GraphQL names them (PDF) and as the domain stores them (pdf). */
export enum FileFormatEnum {
  PDF = 'pdf',
  JPG = 'jpg',
  PNG = 'png',
  ZIP = 'zip',
}

export enum ReviewLevelEnum {
  UNIT = 'UNIT',
  DEPARTMENT = 'DEPARTMENT',
  BUREAU = 'BUREAU',
  COMMITTEE = 'COMMITTEE',
}

export enum BusinessFormKindEnum {
  REVIEW_LIST = 'REVIEW_LIST',
  PUBLICITY = 'PUBLICITY',
  TALENT_APPLICATION = 'TALENT_APPLICATION',
}

/** What a channel's last route level passing means (ChannelConfig.outcomeAfterRoute). */
export enum ChannelOutcomeEnum {
  FINALLY_APPROVED = 'FINALLY_APPROVED',
  MATERIALS_APPROVED = 'MATERIALS_APPROVED',
}

registerEnumType(ChannelOutcomeEnum, {
  name: 'ChannelOutcome',
  description:
    'FINALLY_APPROVED 终审通过 (a certificate on title channels) / MATERIALS_APPROVED 材料审核通过 (人才分类定级)',
});
registerEnumType(FileFormatEnum, {
  name: 'FileFormat',
  description: 'A real file type (checked by magic bytes)',
});
registerEnumType(ReviewLevelEnum, {
  name: 'ReviewLevel',
  description: '单位 / 主管部门 / 人社部门 / 评委会',
});
registerEnumType(BusinessFormKindEnum, {
  name: 'BusinessFormKind',
  description: '职称评审一览表 / 公示表 / 人才分类定级认定申报表',
});
registerEnumType(NoticeStatus, { name: 'NoticeStatus', description: 'DRAFT 草稿 / PUBLISHED 已发布' });
registerEnumType(DeclarationStatus, {
  name: 'DeclarationStatus',
  description: '草稿 / 已申报 / 被退回 / 材料审核通过 / 终审通过 / 审核不通过终止审核 / 已取消',
});
registerEnumType(DeclarationCategory, {
  name: 'DeclarationCategory',
  description: 'NORMAL 正常 / EXCEPTIONAL 破格',
});
registerEnumType(AttachmentSlotKind, {
  name: 'AttachmentSlotKind',
  description: 'CATALOGUE: an entry of the attachment catalogue; ENTRY: the proof files of a module entry',
});
registerEnumType(ChannelGroup, { name: 'ChannelGroup', description: 'The menu a channel is listed under' });
registerEnumType(CatalogueLevel, { name: 'CatalogueLevel' });
