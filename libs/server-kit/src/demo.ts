import { createHash } from 'node:crypto';

/**
 * A stable UUID for a piece of demo data, so subgraphs that share no tables can still name the
 * same demo record (a notice's route and committees name identity's demo organisations).
 * Version-5 shaped: SHA-1 of a fixed namespace and the name.
 */
export function demoId(name: string): string {
  const hex = createHash('sha1').update(`zhicheng-demo:${name}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** identity's demo organisations, by the key its demo data uses. */
export const demoOrganisationId = (key: string) => demoId(`organisation:${key}`);
