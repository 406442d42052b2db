// What `npm start` runs. A service whose dist/main.js has not been built yet is skipped with a note,
// so the list can name every planned subgraph before its code exists.

export interface ServiceSpec {
  /** Name used in log prefixes and in SUBGRAPH_URLS. */
  readonly name: string;
  /** Directory relative to the repository root. */
  readonly dir: string;
  readonly port: number;
}

export const SUBGRAPHS: readonly ServiceSpec[] = [
  { name: 'identity', dir: 'subgraphs/identity', port: 4101 },
  { name: 'binding', dir: 'subgraphs/binding', port: 4102 },
  { name: 'declaration', dir: 'subgraphs/declaration', port: 4103 },
  { name: 'review', dir: 'subgraphs/review', port: 4104 },
  { name: 'certificate', dir: 'subgraphs/certificate', port: 4105 },
];

/** The gateway; ZC_PORT overrides its port. */
export const GATEWAY: ServiceSpec = { name: 'gateway', dir: 'gateway', port: 4000 };

/** The subgraph that publishes the JSON Web Key Set every other process verifies tokens with. */
export const JWKS_OWNER = 'identity';
