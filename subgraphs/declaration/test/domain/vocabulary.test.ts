// The declaration subgraph validates and names modules, fields and attachments with the one
// vocabulary the screens read (issue 11 item 7): a message names a field as the form does.
import { ATTACHMENT_NAMES, MODULES, type ModuleKey } from '@zhicheng/vocabulary';
import { ATTACHMENT_CATALOGUE } from '../../src/domain/data/attachments';
import { MODULE_DEFAULTS } from '../../src/domain/data/modules';
import { BASIC_INFO_FIELDS, ENTRY_FIELDS, TALENT_BASIC_INFO_FIELDS } from '../../src/domain/fields';
import { validateModuleInput } from '../../src/domain/validate-input';
import { CHANNELS } from '../../src/domain/data/channels';

describe('the declaration speaks the vocabulary', () => {
  it('checks every field with the vocabulary’s label, requiredness and limit', () => {
    const tables: Array<[ModuleKey, Readonly<Record<string, { label: string; required: boolean }>>]> = [
      ['BASIC_INFO', BASIC_INFO_FIELDS],
      ['TALENT_BASIC_INFO', TALENT_BASIC_INFO_FIELDS],
      ...Object.entries(ENTRY_FIELDS).map(
        ([key, specs]) => [key as ModuleKey, specs!] as [ModuleKey, typeof specs & object],
      ),
    ];
    for (const [key, specs] of tables)
      for (const field of MODULES[key].fields) {
        if (field.kind === 'code') continue; // a catalogue pick, checked as a cascade
        expect(specs[field.name]).toMatchObject({ label: field.zh, required: field.required });
        if (field.maxLength) expect(specs[field.name]).toMatchObject({ maxLength: field.maxLength });
      }
  });

  it('names modules and attachment slots as the vocabulary does', () => {
    for (const [key, module] of Object.entries(MODULE_DEFAULTS))
      expect(module.name).toBe(MODULES[key as ModuleKey].zh);
    for (const slot of ATTACHMENT_CATALOGUE)
      expect(slot.name).toBe(ATTACHMENT_NAMES[slot.code as keyof typeof ATTACHMENT_NAMES].zh);
  });

  it('a renamed module carries its English name', () => {
    const renamed = CHANNELS.flatMap((c) => c.defaultFormConfig.modules).filter(
      (m) => m.name !== MODULES[m.key].zh,
    );
    expect(renamed.length).toBeGreaterThan(0);
    for (const module of renamed) expect(module.nameEn).toMatch(/^[ -~]+$/);
  });

  it('says a field’s problem with its label', () => {
    const problems = validateModuleInput(
      'EDUCATION',
      [
        { id: '00000000-0000-4000-8000-000000000001', school: '吉林大学', diplomaNumber: 'x'.repeat(51) },
      ] as never,
      {
        config: {
          modules: [{ key: 'EDUCATION', name: '教育经历', required: true }],
          attachments: [],
          innovationTextLimit: 500,
        },
        channel: CHANNELS[0],
        category: 'NORMAL',
        today: '2026-12-02',
        draft: true,
      },
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        field: 'education.0.diplomaNumber',
        code: 'TEXT_TOO_LONG',
        message: '学历证书编号不能超过50个字',
      }),
    );
  });
});
