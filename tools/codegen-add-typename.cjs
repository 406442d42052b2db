// graphql-codegen document transform (codegen.yml): adds `__typename` to every selection set, as
// urql's document cache does before sending, so the persisted documents are what urql runs.
module.exports = require('@graphql-codegen/client-preset').addTypenameSelectionDocumentTransform;
