// The review subgraph. For now only its domain layer (the rules, as plain functions); the
// service, resolvers and entities will build on it.
export * from './domain';
