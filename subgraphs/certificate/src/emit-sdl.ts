import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl } from '@zhicheng/server-kit';
import { buildCertificateSchema } from './schema';

/** Writes schema.graphql, the committed SDL that `npm run compose` turns into the supergraph. */
buildCertificateSchema()
  .then((schema) => {
    const target = join(__dirname, '..', 'schema.graphql');
    writeFileSync(target, printSubgraphSdl(schema));
    console.log(`certificate: wrote ${target}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
