import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl } from '@zhicheng/server-kit';
import { buildDeclarationSchema } from '../src/schema';

const committed = () => readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');

describe('schema.graphql', () => {
  it('is what buildDeclarationSchema() prints now (after a schema change: build, then `node dist/emit-sdl.js`)', async () => {
    expect(committed()).toBe(printSubgraphSdl(await buildDeclarationSchema()));
  });

  it('declares Declaration and Notice as entities and extends identity’s Person and Unit by id', () => {
    const sdl = committed();
    for (const type of ['Declaration', 'Notice', 'Person', 'Unit'])
      expect(sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
  });
});
