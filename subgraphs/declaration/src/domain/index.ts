// The declaration subgraph's pure domain layer: types, configuration data and rules.
export * from './types';
export * from './catalogue';
export * from './data/modules';
export * from './data/attachments';
export * from './data/title-catalogue';
export * from './data/talent-standards';
export * from './data/channels';
