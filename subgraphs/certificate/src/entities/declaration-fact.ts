import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * certificate's own read model of a declaration (ARCHITECTURE §5): what DeclarationSubmitted said
 * of the holder and the title, and what DeclarationFinallyApproved said of the approval. Either
 * may arrive first; a certificate is issued once both are here.
 */
@Entity({ tableName: 'declaration_fact' })
export class DeclarationFact {
  @PrimaryKey({ type: 'uuid' })
  declarationId!: string;

  // --- from DeclarationSubmitted (null until it arrives) ---
  @Property({ type: 'uuid', nullable: true })
  personId?: string | null;

  @Property({ type: 'text', nullable: true })
  holderName?: string | null;

  @Property({ type: 'text', nullable: true })
  idNumberMasked?: string | null;

  @Property({ type: 'text', nullable: true })
  channelCode?: string | null;

  @Property({ type: 'text', nullable: true })
  titleName?: string | null;

  @Property({ type: 'text', nullable: true })
  seriesName?: string | null;

  @Property({ type: 'text', nullable: true })
  specialtyName?: string | null;

  @Property({ type: 'text', nullable: true })
  levelName?: string | null;

  /** 人才分类定级: the class applied for and its standard (申请评定符合标准). */
  @Property({ type: 'text', nullable: true })
  talentLevelCode?: string | null;

  @Property({ type: 'text', nullable: true })
  talentStandard?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  // --- from DeclarationFinallyApproved (null until it arrives) ---
  @Property({ type: 'timestamptz', nullable: true })
  approvedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  committeeName?: string | null;

  /** TITLE or TALENT_LEVEL (null: an approval recorded before kinds, a title). */
  @Property({ type: 'text', nullable: true })
  kind?: string | null;

  /** TALENT_LEVEL: the class awarded (code and name). */
  @Property({ type: 'text', nullable: true })
  awardedLevelCode?: string | null;

  @Property({ type: 'text', nullable: true })
  awardedLevelName?: string | null;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}
