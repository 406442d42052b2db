import { newEntryId } from './entryIds';

describe('the id of an entry being added', () => {
  const file = (module: string, entryId: string) => ({ slot: { kind: 'ENTRY', module, entryId } });
  it('resumes the unsaved entry that already has files in this list', () => {
    expect(
      newEntryId([{ id: 'saved' }], [file('EDUCATION', 'saved'), file('EDUCATION', 'pending')], 'EDUCATION'),
    ).toBe('pending');
  });
  it('is a new uuid otherwise (another list’s unsaved files do not count)', () => {
    const id = newEntryId(
      [{ id: 'saved' }],
      [file('EDUCATION', 'saved'), file('PAPERS', 'elsewhere')],
      'EDUCATION',
    );
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
