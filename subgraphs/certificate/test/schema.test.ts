import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl } from '@zhicheng/server-kit';
import { buildCertificateSchema } from '../src/schema';

const committed = () => readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');

describe('schema.graphql', () => {
  it('is what buildCertificateSchema() prints now (after a schema change run: npx nx run @zhicheng/certificate:build && npx nx run @zhicheng/certificate:sdl)', async () => {
    expect(committed()).toBe(printSubgraphSdl(await buildCertificateSchema()));
  });

  it('declares Certificate as an entity and extends Person and Declaration by id', () => {
    const sdl = committed();
    expect(sdl).toMatch(/type Certificate\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(
      /type Person\s+@key\(fields: "id"\)\s*\{\s*id: ID![\s\S]*?certificates: \[Certificate!\]!/,
    );
    expect(sdl).toMatch(
      /type Declaration\s+@key\(fields: "id"\)\s*\{\s*id: ID![\s\S]*?certificate: Certificate\s/,
    );
    expect(sdl).toMatch(
      /verifyCertificate\(holderName: String!, number: String!\): CertificateVerification!/,
    );
    expect(sdl).toMatch(/certificateIssued: CertificateIssuedChange!/);
  });
});
