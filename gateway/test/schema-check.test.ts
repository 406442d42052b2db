// Schema governance: what `npm run schema:check` lets through and what it stops.
import { readFileSync } from 'node:fs';
import { checkSchema, paths } from '../src/schema-check';

const released = `
  type Query { certificate(number: String!): Certificate, notices: [String!]! }
  type Certificate { number: String!, holderName: String!, level: Level }
  enum Level { JUNIOR SENIOR }
`;

const check = (
  current: string,
  acknowledged: Parameters<typeof checkSchema>[0]['acknowledged'] = [],
  changelog = '',
) => checkSchema({ released, current, acknowledged, changelog });

describe('schema governance', () => {
  it('lets additions through', async () => {
    const report = await check(
      `${released} extend type Certificate { issuedAt: String } type Notice { id: ID! }`,
    );
    expect(report.unacknowledged).toEqual([]);
    expect(report.safe.length).toBeGreaterThan(0);
  });

  it('stops a removed field and a type change until acknowledged with a reason', async () => {
    const current = `
      type Query { certificate(number: String!): Certificate, notices: [String!]! }
      type Certificate { number: String!, level: String }
      enum Level { JUNIOR SENIOR }
    `;
    const report = await check(current);
    expect(report.unacknowledged.map((c) => [c.type, c.path])).toEqual(
      expect.arrayContaining([
        ['FIELD_REMOVED', 'Certificate.holderName'],
        ['FIELD_TYPE_CHANGED', 'Certificate.level'],
      ]),
    );
    const acknowledged = report.unacknowledged.map((c) => ({
      type: c.type,
      path: c.path ?? '',
      reason: 'why',
    }));
    const after = await check(current, acknowledged);
    expect(after.unacknowledged).toEqual([]);
    expect(after.stale).toEqual([]);
  });

  it('reports an acknowledgement that matches no change', async () => {
    const report = await check(released, [
      { type: 'FIELD_REMOVED', path: 'Certificate.number', reason: 'x' },
    ]);
    expect(report.stale).toEqual([{ type: 'FIELD_REMOVED', path: 'Certificate.number', reason: 'x' }]);
  });

  it('wants every deprecation named in the changelog', async () => {
    const current = released
      .replace('holderName: String!', 'holderName: String! @deprecated(reason: "use holder")')
      .replace('SENIOR', 'SENIOR @deprecated');
    expect((await check(current)).undocumentedDeprecations).toEqual([
      'Certificate.holderName',
      'Level.SENIOR',
    ]);
    const documented = await check(current, [], '| `Certificate.holderName` | … |\n| `Level.SENIOR` | … |');
    expect(documented.undocumentedDeprecations).toEqual([]);
  });

  it('passes for the committed schema against the committed release', async () => {
    const report = await checkSchema({
      released: readFileSync(paths.released, 'utf8'),
      current: readFileSync(paths.current, 'utf8'),
      acknowledged: JSON.parse(readFileSync(paths.acknowledged, 'utf8')),
      changelog: readFileSync(paths.changelog, 'utf8'),
    });
    expect([report.unacknowledged, report.stale, report.undocumentedDeprecations]).toEqual([[], [], []]);
  });
});
