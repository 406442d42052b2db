export * from './events';
export * from './invariants';
export * from './refusals';
export * from './state';
export * from './status';
export * from './timeline';
export * from './vocabulary';
export * from './workflow';
