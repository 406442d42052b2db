import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl } from '@zhicheng/server-kit';
import { buildBindingSchema } from '../src/schema';

const committed = () => readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');

describe('schema.graphql', () => {
  it('is what buildBindingSchema() prints now (after a schema change run: npm run build -w @zhicheng/binding && npm run sdl -w @zhicheng/binding)', async () => {
    expect(committed()).toBe(printSubgraphSdl(await buildBindingSchema()));
  });

  it('declares Binding as an entity and extends identity’s Person and Unit by id', () => {
    const sdl = committed();
    expect(sdl).toMatch(/type Binding\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(
      /type Person\s+@key\(fields: "id"\)\s*\{\s*id: ID!\s+[\s\S]*?currentBinding: Binding\s[\s\S]*?bindings: \[Binding!\]!/,
    );
    expect(sdl).toMatch(
      /type Unit\s+@key\(fields: "id"\)\s*\{\s*id: ID!\s+[\s\S]*?bindingRequests\(status: BindingStatus\): \[Binding!\]!/,
    );
    expect(sdl).toMatch(/enum BindingStatus \{[^}]*PENDING[^}]*APPROVED[^}]*REFUSED[^}]*ENDED[^}]*\}/);
  });
});
