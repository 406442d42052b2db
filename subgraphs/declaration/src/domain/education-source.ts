// Only the server marks an education record as fetched from a degree registry (issue 8, hole 16):
// such a record needs no proof file and no certificate number, so a client that could say
// `source: REGISTRY` could skip both. Clients cannot send a source; a record the server fetched
// keeps its mark only while its registry-given facts are unchanged (an edit makes it manual).
import type { EducationEntry } from './types';

/** The facts a registry gives; changing any of them makes the record the applicant's own. */
const REGISTRY_FACTS = [
  'school',
  'major',
  'educationLevel',
  'degree',
  'startDate',
  'endDate',
  'diplomaNumber',
  'degreeNumber',
] as const;

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/** `incoming` as saved: any client-sent source dropped, the server's REGISTRY mark kept where due. */
export function withServerSources(
  previous: readonly EducationEntry[] | null | undefined,
  incoming: readonly EducationEntry[],
): EducationEntry[] {
  return incoming.map((entry) => {
    const rest: EducationEntry = { ...entry };
    delete rest.source;
    const before = previous?.find((p) => p.id === entry.id);
    const fetched = before?.source === 'REGISTRY' && REGISTRY_FACTS.every((k) => same(before[k], rest[k]));
    return fetched ? { ...rest, source: 'REGISTRY' } : rest;
  });
}
