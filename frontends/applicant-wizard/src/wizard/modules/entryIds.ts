import { uuid } from '../../uuid';

/** What newEntryId reads of an attachment. */
interface SlotFact {
  slot: { kind: string; module?: string | null; entryId?: string | null };
}

/**
 * The id of an entry being added: the one whose files are already uploaded but which was never
 * saved (the dialog was closed by a reload), else a new one. The server keeps one such entry per
 * list, so reusing it lets the applicant carry on with those files.
 */
export function newEntryId(
  entries: readonly { id: string }[],
  attachments: readonly SlotFact[],
  module: string,
): string {
  const saved = new Set(entries.map((e) => e.id));
  const unsaved = attachments.find(
    (a) =>
      a.slot.kind === 'ENTRY' && a.slot.module === module && a.slot.entryId && !saved.has(a.slot.entryId),
  );
  return unsaved?.slot.entryId ?? uuid();
}
