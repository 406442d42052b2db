import { Role, type AuthResult } from '@zhicheng/server-kit';

/** Roles whose work shows them applicants by name and masked numbers (queues, bindings, cases). */
const WORKS_WITH_APPLICANTS: readonly Role[] = [
  Role.LEGAL_PERSON,
  Role.UNIT_AGENT,
  Role.DEPARTMENT_REVIEWER,
  Role.BUREAU_REVIEWER,
  Role.COMMITTEE_SECRETARY,
];

/**
 * Who may resolve a Person reference (`_entities`, the gateway completing another subgraph's
 * field): the person themself, and accounts that review or bind applicants. Another applicant
 * may not: a person id must not turn into someone's name and masked numbers.
 */
export function mayResolvePerson(auth: AuthResult, personId: string): boolean {
  const principal = auth.principal;
  if (!principal) return false;
  if (principal.accountId === personId) return true;
  return principal.roles.some((role) => WORKS_WITH_APPLICANTS.includes(role));
}
