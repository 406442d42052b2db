// Sends a file's bytes to an upload URL (an upload ticket of the API) with XMLHttpRequest, because
// fetch cannot report upload progress. Body = the file itself, Content-Type = its type. The file
// route answers `{ attachment: {...} }` or `{ error: { code, message } }` with a 4xx status.
import { newRequestId } from '../graphql/requestId';
import { contentTypeOf } from './fileRules';

/** What the file route answers for a stored file. */
export interface UploadedFile {
  id: string;
  fileName: string;
  sizeBytes: number;
  format: string;
  sha256?: string;
  [key: string]: unknown;
}

/** A refused or failed upload. `message` is the server's (Chinese) text when it sent one. */
export class UploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

export interface SendFileOptions {
  /** 0–100, as the bytes leave the browser. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

/** Reads the file route's answer: the attachment, or an UploadError. */
export function parseUploadAnswer(status: number, text: string): UploadedFile {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (a proxy's error page): handled below
  }
  const record = (typeof body === 'object' && body !== null ? body : {}) as {
    attachment?: UploadedFile;
    error?: { code?: unknown; message?: unknown };
  };
  if (status >= 200 && status < 300 && record.attachment && typeof record.attachment.id === 'string') {
    return record.attachment;
  }
  const code = typeof record.error?.code === 'string' ? record.error.code : `HTTP_${status}`;
  const message = typeof record.error?.message === 'string' ? record.error.message : '';
  throw new UploadError(code, message, status);
}

/** POSTs the file to `url`; resolves with the stored attachment. */
export function sendFile(url: string, file: File, options: SendFileOptions = {}): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    const done = () => options.signal?.removeEventListener('abort', abort);

    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', contentTypeOf(file));
    xhr.setRequestHeader('x-request-id', newRequestId());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        options.onProgress?.(Math.min(100, Math.round((event.loaded / event.total) * 100)));
      }
    };
    xhr.onload = () => {
      done();
      try {
        options.onProgress?.(100);
        resolve(parseUploadAnswer(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => {
      done();
      reject(new UploadError('NETWORK', ''));
    };
    xhr.onabort = () => {
      done();
      reject(new UploadError('ABORTED', ''));
    };
    if (options.signal?.aborted) {
      xhr.abort();
      return;
    }
    xhr.send(file);
  });
}
