// @zhicheng/web-kit: loaded once per page through the import map. Micro-frontends import urql's
// hooks, auth, i18n, routing and UI primitives from here and never bundle urql themselves.

// GraphQL
export { Provider, useClient, useMutation, useQuery, useSubscription } from 'urql';
export type { AnyVariables, CombinedError, OperationResult, UseQueryState } from 'urql';
export { getClient, onReconnected, resetClient, useGraphQLClient, GRAPHQL_PATH } from './graphql/client';
export {
  errorCodeOf,
  errorMessage,
  fieldErrorsOf,
  fieldProblemsOf,
  graphQLErrorsOf,
  hasErrorCode,
  isNetworkError,
  normaliseFieldPath,
  problemsOf,
} from './graphql/errors';
export type { ErrorCode, FieldProblem, Problem } from './graphql/errors';
export { newRequestId } from './graphql/requestId';

// Auth
export { auth, hasRole } from './auth/store';
export type {
  AccountKind,
  AuthState,
  AuthStatus,
  Role,
  SignedOutReason,
  SignInInput,
  Viewer,
} from './auth/store';
export { useAuth, useHasRole, useViewer } from './auth/hooks';

// i18n
export {
  LANGUAGES,
  i18n,
  registerTranslations,
  setLanguage,
  translateOrUndefined,
  useLanguage,
} from './i18n';
export type { Language } from './i18n';
export { Trans, useTranslation } from 'react-i18next';

// The words of a declaration's modules (field labels, enum values), for every app that shows them
export { DECLARATION_WORDS } from './declaration/words';
export type { DeclarationWords } from './declaration/words';
// The declaration form as the applicant's wizard renders it (the bureau's preview shows the same)
export {
  AttachmentCatalogueTable,
  ModuleNavigator,
  NoticeNotes,
  visibleModules,
} from './declaration/form-view';
export type {
  CatalogueSlotLike,
  FormModuleLike,
  ModuleMarker,
  ModuleNavigatorProps,
} from './declaration/form-view';

// Routing
export { Link, Redirect, matchPrefix, navigate, safeReturnPath, useLocation } from './router';
export type { AppLocation, LinkProps } from './router';

// UI
export { CaptchaInput } from './ui/CaptchaInput';
export type { CaptchaHandle, CaptchaInputProps, CaptchaValue } from './ui/CaptchaInput';
export { ErrorSummary, fieldElementId } from './ui/ErrorSummary';
export type { ErrorSummaryProps } from './ui/ErrorSummary';
export { LanguageSwitch } from './ui/LanguageSwitch';
export { MaskedId, maskId, visuallyHidden } from './ui/MaskedId';
export { PageContainer } from './ui/PageContainer';
export { zhichengTheme } from './ui/theme';
export type { Crumb, PageContainerProps } from './ui/PageContainer';
export { SmsCodeButton } from './ui/SmsCodeButton';
export type { SmsCodeButtonProps, SmsPurpose } from './ui/SmsCodeButton';
export { useDocumentTitle } from './ui/useDocumentTitle';
export { useFormErrors } from './ui/useFormErrors';
export type { FormErrorOptions } from './ui/useFormErrors';
export { ZhichengProvider } from './ui/ZhichengProvider';

// Uploads (bytes to an upload ticket's URL, with progress)
export { FileUpload } from './upload/FileUpload';
export type { FileUploadProps } from './upload/FileUpload';
export { acceptAttribute, checkFile, contentTypeOf, formatBytes, formatList } from './upload/fileRules';
export type { FileFormat, FileLike, FileProblem, FileRules } from './upload/fileRules';
export { parseUploadAnswer, sendFile, UploadError } from './upload/sendFile';
export type { SendFileOptions, UploadedFile } from './upload/sendFile';

// Micro-frontends
export { defineMicroFrontend } from './microfrontend/defineMicroFrontend';
export type { MicroFrontendLifecycles, MicroFrontendOptions } from './microfrontend/defineMicroFrontend';
export { isDeployed, readImportMap } from './microfrontend/importMap';

// Review (业务审核): shared by unit-audit and bureau-dashboard
export * from './review';

// 接口客户端 (third-party clients, webhooks): shared by unit-audit and bureau-dashboard
export * from './clients';
// Codes in words (statuses, steps, levels, module and attachment names), from the one vocabulary
export * from './vocabulary';
