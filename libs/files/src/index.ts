export {
  contentTypeOf,
  describeHead,
  detectFormat,
  downloadNameFor,
  extensionOf,
  FILE_FORMATS,
  formatOfFileName,
  formatLabel,
  SNIFF_BYTES,
  type FileFormat,
} from './formats';
export {
  describeLimit,
  InvalidStorageKey,
  StoredFileNotFound,
  UploadRefused,
  type UploadRefusalCode,
} from './errors';
export { assertValidKey, LocalDirectoryStorage, type FileStorage } from './storage';
export { receiveUpload, type ReceivedFile, type ReceiveOptions, type UploadLimits } from './upload';
export { signToken, TokenRejected, verifyToken, type TokenFailure, type TokenOptions } from './tokens';
export { contentDisposition, LINGER_MS, sendUploadRefusal, serveDownload, type Download } from './http';
export {
  handleUpload,
  sendFileError,
  UploadNotRecorded,
  verifyOrAnswer,
  type UploadedAttachment,
  type UploadHandling,
} from './upload-route';
export { isWellFormed, VERIFY_TIMEOUT_MS } from './verify';
