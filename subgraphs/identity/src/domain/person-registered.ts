import type { EntityManager } from '@zhicheng/server-kit';
import { recordEvent } from '@zhicheng/events';
import type { Person } from '../entities';

/**
 * Announces a person's real-name facts (PersonRegistered): declaration keeps them so a declaration
 * can only be made in the account holder's own name and ID number (issue 8, hole 15). Only added
 * to the unit of work, so it commits with the person or not at all.
 */
export function announcePerson(em: EntityManager, person: Person, at = new Date()): void {
  recordEvent(em, 'PersonRegistered', {
    personId: person.id,
    name: person.name,
    idType: person.idType,
    idNumber: person.idNumber,
    mobile: person.mobile,
    at: at.toISOString(),
  });
}
