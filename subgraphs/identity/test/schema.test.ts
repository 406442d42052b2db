import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl } from '@zhicheng/server-kit';
import { buildIdentitySchema } from '../src/schema';

describe('schema.graphql', () => {
  it('is what buildIdentitySchema() prints now (after a schema change run: npm run build -w @zhicheng/identity && npm run sdl -w @zhicheng/identity)', async () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printSubgraphSdl(await buildIdentitySchema()));
  });

  it('declares Person by id and Unit by id and by credit code as federation entities', () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(committed).toMatch(/type Person\s+@key\(fields: "id"\)/);
    expect(committed).toMatch(/type Unit\s+@key\(fields: "id"\)\s+@key\(fields: "creditCode"\)/);
  });
});
