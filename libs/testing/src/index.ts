// Runtime helpers for test files. The jest global setup/teardown live in their own files
// (src/global-setup.ts, src/global-teardown.ts) and are referenced by path from jest configs.
export { createTestDatabase, type TestDatabase } from './test-database';
export { testServerUrl, TEST_SERVER_URL_ENV, TEST_RUN_DIR_ENV } from './env';
// Shared by the subgraphs' integration tests.
export {
  GraphQLClient,
  expectGraphQLError,
  fieldCodes,
  type Actor,
  type GraphQLErrorJson,
  type GraphQLResult,
} from './graphql-client';
export { recordSql } from './record-sql';
export { startTestTokenIssuer, type TestTokenIssuer } from './test-token-issuer';
export { minimalPdf, PHOTO_PIXELS, postUpload, testFiles, type Pixels, type UploadAnswer } from './uploads';
// Reads a generated PDF's text back (business forms, certificates).
export { readPdf, type PdfFacts } from './pdf-text';
export { attachments, decodePrintedQr, pageFacts, pdfSignature } from './pdf-read';
