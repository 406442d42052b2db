import type { EntityManager } from '@zhicheng/server-kit';
import { DB_SCHEMA } from '../db-schema';
import { formatCertificateNumber } from '../domain/number';

/** Serialises the creation of a year's sequence (the first certificate of a year, on any replica). */
const SEQUENCE_LOCK = 4_206_106;

/**
 * The next certificate number of `year`, from the sequence certificate_number_<year>, created
 * on first use. `year` is a number we computed, never input, so it is safe in the name.
 */
export async function nextCertificateNumber(em: EntityManager, year: number): Promise<string> {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new Error(`bad year ${year}`);
  const sequence = `${DB_SCHEMA}.certificate_number_${year}`;
  const [exists] = await em.execute<Array<{ found: string | null }>>('select to_regclass(?) as found', [
    sequence,
  ]);
  if (!exists?.found) {
    await em.execute('select pg_advisory_xact_lock(?)', [SEQUENCE_LOCK]);
    await em.execute(`create sequence if not exists ${sequence} minvalue 1 start 1`);
  }
  const [row] = await em.execute<Array<{ serial: string }>>(`select nextval('${sequence}') as serial`);
  return formatCertificateNumber(year, Number(row.serial));
}

/** The next free entry of the revocation status list. */
export async function nextStatusListIndex(em: EntityManager): Promise<number> {
  const [row] = await em.execute<Array<{ index: string }>>(
    `select nextval('${DB_SCHEMA}.status_list_index') as index`,
  );
  return Number(row.index);
}
