import { Readable } from 'node:stream';
import { StoredFileNotFound, assertValidKey, type FileStorage } from '@zhicheng/files';
import type { MikroORM } from '@zhicheng/server-kit';
import { DB_SCHEMA } from '../db-schema';

/**
 * libs/files' FileStorage over PostgreSQL (table stored_file): the certificate service keeps no
 * disk of its own, so every replica serves every file and a backup of the database holds them.
 * `put` receives the stream receiveUpload feeds after its checks (bounded by the slot's limit)
 * and writes it in one statement: a refused or broken upload writes nothing.
 */
export class PostgresFileStorage implements FileStorage {
  constructor(private readonly orm: MikroORM) {}

  async put(key: string, source: Readable): Promise<void> {
    assertValidKey(key);
    const chunks: Buffer[] = [];
    for await (const chunk of source) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    await this.orm.em.fork().execute(
      `insert into ${DB_SCHEMA}.stored_file (key, bytes, created_at) values (?, ?, now())
           on conflict (key) do update set bytes = excluded.bytes`,
      [key, Buffer.concat(chunks)],
    );
  }

  async get(key: string): Promise<Readable> {
    const bytes = await this.bytes(key);
    return Readable.from([bytes]);
  }

  /** The whole file (files here are at most a few MB). */
  async bytes(key: string): Promise<Buffer> {
    assertValidKey(key);
    const [row] = await this.orm.em
      .fork()
      .execute<Array<{ bytes: Buffer }>>(`select bytes from ${DB_SCHEMA}.stored_file where key = ?`, [key]);
    if (!row) throw new StoredFileNotFound(key);
    return row.bytes;
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.orm.em.fork().execute(`delete from ${DB_SCHEMA}.stored_file where key = ?`, [key]);
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    const [row] = await this.orm.em
      .fork()
      .execute<Array<{ n: string }>>(`select count(*) as n from ${DB_SCHEMA}.stored_file where key = ?`, [
        key,
      ]);
    return Number(row?.n ?? 0) > 0;
  }
}
