// Schema governance (docs/api-changelog.md): `npm run schema:check` (part of `npm test`) compares
// the composed public schema, gateway/api-schema.graphql, with the last released one,
// gateway/released/api-schema.graphql, using graphql-inspector. A breaking change fails the check
// unless gateway/released/acknowledged-breaking-changes.json lists it with a reason; every
// deprecated field or value must be listed in the changelog's deprecations. `--release` records
// the current schema as released and empties the acknowledgements (the changelog keeps them).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diff, CriticalityLevel, type Change } from '@graphql-inspector/core';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';

const root = resolve(__dirname, '..', '..');
export const paths = {
  current: join(root, 'gateway', 'api-schema.graphql'),
  released: join(root, 'gateway', 'released', 'api-schema.graphql'),
  acknowledged: join(root, 'gateway', 'released', 'acknowledged-breaking-changes.json'),
  changelog: join(root, 'docs', 'api-changelog.md'),
};

/** A breaking change made on purpose: graphql-inspector's change type and path, and why. */
export interface Acknowledgement {
  type: string;
  path: string;
  reason: string;
}

export interface SchemaReport {
  breaking: Change[];
  /** Breaking changes no acknowledgement covers: these fail the check. */
  unacknowledged: Change[];
  /** Acknowledgements that match no change (a typo, or a change undone): these fail too. */
  stale: Acknowledgement[];
  dangerous: Change[];
  safe: Change[];
  /** Deprecated coordinates (Type.field, Enum.VALUE) the changelog does not name. */
  undocumentedDeprecations: string[];
}

/** Every deprecated field, argument, input field and enum value, as a schema coordinate. */
export function deprecatedCoordinates(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason != null) found.push(`${type.name}.${field.name}`);
        for (const arg of field.args)
          if (arg.deprecationReason != null) found.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (field.deprecationReason != null) found.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues())
        if (value.deprecationReason != null) found.push(`${type.name}.${value.name}`);
    }
  }
  return found.sort();
}

export async function checkSchema(input: {
  released: string;
  current: string;
  acknowledged: Acknowledgement[];
  changelog: string;
}): Promise<SchemaReport> {
  const current = buildSchema(input.current);
  const changes = await diff(buildSchema(input.released), current);
  const level = (l: CriticalityLevel) => changes.filter((c) => c.criticality.level === l);
  const breaking = level(CriticalityLevel.Breaking);
  const covers = (a: Acknowledgement, c: Change) => a.type === c.type && a.path === (c.path ?? '');
  return {
    breaking,
    unacknowledged: breaking.filter((c) => !input.acknowledged.some((a) => covers(a, c))),
    stale: input.acknowledged.filter((a) => !breaking.some((c) => covers(a, c))),
    dangerous: level(CriticalityLevel.Dangerous),
    safe: level(CriticalityLevel.NonBreaking),
    undocumentedDeprecations: deprecatedCoordinates(current).filter(
      (coordinate) => !input.changelog.includes(`\`${coordinate}\``),
    ),
  };
}

const line = (c: Change) => `  - ${c.type} ${c.path ?? ''}: ${c.message}`;

async function main() {
  if (process.argv.includes('--release')) {
    writeFileSync(paths.released, readFileSync(paths.current, 'utf8'));
    writeFileSync(paths.acknowledged, '[]\n');
    console.log(`recorded ${paths.current} as the released schema; acknowledgements emptied`);
    return;
  }
  const report = await checkSchema({
    released: readFileSync(paths.released, 'utf8'),
    current: readFileSync(paths.current, 'utf8'),
    acknowledged: existsSync(paths.acknowledged)
      ? (JSON.parse(readFileSync(paths.acknowledged, 'utf8')) as Acknowledgement[])
      : [],
    changelog: existsSync(paths.changelog) ? readFileSync(paths.changelog, 'utf8') : '',
  });
  console.log(
    `schema changes since the release: ${report.breaking.length} breaking ` +
      `(${report.breaking.length - report.unacknowledged.length} acknowledged), ` +
      `${report.dangerous.length} dangerous, ${report.safe.length} safe`,
  );
  if (report.dangerous.length)
    console.log(`dangerous (allowed; say so in the changelog):\n${report.dangerous.map(line).join('\n')}`);
  const problems: string[] = [];
  if (report.unacknowledged.length)
    problems.push(
      `breaking changes not acknowledged (keep the old field and deprecate it, or list each in ` +
        `gateway/released/acknowledged-breaking-changes.json as {"type","path","reason"} and in ` +
        `docs/api-changelog.md):\n${report.unacknowledged.map(line).join('\n')}`,
    );
  if (report.stale.length)
    problems.push(
      `acknowledgements that match no breaking change:\n${report.stale.map((a) => `  - ${a.type} ${a.path}`).join('\n')}`,
    );
  if (report.undocumentedDeprecations.length)
    problems.push(
      `deprecations missing from docs/api-changelog.md (name each as \`Type.field\`):\n` +
        report.undocumentedDeprecations.map((c) => `  - ${c}`).join('\n'),
    );
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
