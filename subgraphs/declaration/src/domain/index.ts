// The declaration subgraph's pure domain layer: types, configuration data and rules. No ORM and no
// GraphQL: the service layer maps entities and inputs onto these shapes and turns FieldProblem[]
// into badUserInput and a Refusal into appError.
export * from './types';
export * from './catalogue';
export * from './data/modules';
export * from './data/attachments';
export * from './data/title-catalogue';
export * from './data/talent-standards';
export * from './data/channels';
export * from './fields';
export * from './dates';
export * from './talent';
export * from './validate-input';
export * from './uploads';
export * from './recommenders';
export * from './report';
export * from './status';
export * from './form-config';
export * from './freeze';
export * from './review';
export * from './route-access';
export * from './account-holder';
export * from './education-source';
export * from './photo';
