import { Migration } from '@mikro-orm/migrations';

/**
 * Certificates of their own kind for 人才分类定级: `kind` (TITLE / TALENT_LEVEL; every existing
 * certificate is a title) and the 认定标准 printed on a talent certificate; the read model keeps
 * the class and standard applied for and the approval's kind and class awarded.
 */
export class Migration20261202113300_certificate_kind extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "certificate"."certificate" add column "kind" text not null default 'TITLE', add column "recognition_standard" text null;`,
    );
    this.addSql(
      `alter table "certificate"."declaration_fact" add column "talent_level_code" text null, add column "talent_standard" text null, add column "kind" text null, add column "awarded_level_code" text null, add column "awarded_level_name" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "certificate"."declaration_fact" drop column "talent_level_code", drop column "talent_standard", drop column "kind", drop column "awarded_level_code", drop column "awarded_level_name";`,
    );
    this.addSql(
      `alter table "certificate"."certificate" drop column "kind", drop column "recognition_standard";`,
    );
  }
}
