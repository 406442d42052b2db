import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';

const root = resolve(__dirname, '..', '..');

/** Every subgraph's committed SDL; the placeholder URL is replaced at run time (SUBGRAPH_URLS). */
export function readSubgraphs() {
  const dir = join(root, 'subgraphs');
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'schema.graphql')))
    .sort()
    .map((name) => ({
      name,
      url: `http://${name}.subgraph.invalid/graphql`,
      typeDefs: parse(readFileSync(join(dir, name, 'schema.graphql'), 'utf8')),
    }));
}

export interface Composition {
  supergraphSdl: string;
  apiSchemaSdl: string;
}

/** Composes the supergraph; composition errors are thrown with every message. */
export function compose(): Composition {
  const result = composeServices(readSubgraphs());
  if (result.errors) {
    throw new Error(
      `Supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  return {
    supergraphSdl: `${result.supergraphSdl.trim()}\n`,
    apiSchemaSdl: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema()).trim()}\n`,
  };
}

export const supergraphPath = join(root, 'gateway', 'supergraph.graphql');
export const apiSchemaPath = join(root, 'gateway', 'api-schema.graphql');

// `npm run compose` writes both files; `--check` fails when the committed ones are stale.
if (require.main === module) {
  try {
    const { supergraphSdl, apiSchemaSdl } = compose();
    if (process.argv.includes('--check')) {
      const stale = [
        [supergraphPath, supergraphSdl],
        [apiSchemaPath, apiSchemaSdl],
      ].filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text);
      if (stale.length) {
        console.error(`Stale: ${stale.map(([p]) => p).join(', ')} — run \`npm run compose\` and commit.`);
        process.exit(1);
      }
      console.log('supergraph composes and the committed files are current');
    } else {
      writeFileSync(supergraphPath, supergraphSdl);
      writeFileSync(apiSchemaPath, apiSchemaSdl);
      console.log(`wrote ${supergraphPath} and ${apiSchemaPath}`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
