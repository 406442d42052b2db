import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../graphql/errors';
import { translateOrUndefined } from '../i18n';
import { visuallyHidden } from '../ui/MaskedId';
import { acceptAttribute, checkFile, formatBytes, type FileProblem } from './fileRules';
import { sendFile, UploadError, type UploadedFile } from './sendFile';

export interface FileUploadProps {
  /** What the file is for, e.g. "身份证": the button reads "上传 身份证" to assistive technology. */
  label: string;
  /** Allowed formats ("pdf", "jpg", "png", "zip"); empty = any. */
  formats: readonly string[];
  maxSizeKb: number;
  disabled?: boolean;
  /** Text of the button; "上传" by default. */
  buttonText?: ReactNode;
  /**
   * Gets the URL to POST the bytes to, typically from an upload-ticket mutation. Throw (a urql
   * CombinedError or an Error) to refuse: the message is shown and the person may retry.
   */
  requestUrl: (file: File) => Promise<string>;
  /** Called after the file route stored the file. */
  onUploaded?: (file: UploadedFile) => void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'uploading'; file: File; percent: number }
  | { kind: 'failed'; file: File | null; message: string; canRetry: boolean };

/**
 * 上传 with a progress bar: checks format and size first, asks for an upload URL, sends the bytes
 * with progress, shows the server's refusal ("文件内容与格式不符") and offers 重试 after a failure.
 * Keyboard: the button opens the file dialog; 取消 stops a running upload.
 */
export function FileUpload({
  label,
  formats,
  maxSizeKb,
  disabled,
  buttonText,
  requestUrl,
  onUploaded,
}: FileUploadProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  useEffect(() => () => abortRef.current?.abort(), []);

  const problemText = (problem: FileProblem) =>
    problem.code === 'TOO_LARGE'
      ? t('upload.tooLarge', { kb: problem.maxSizeKb })
      : problem.code === 'WRONG_FORMAT'
        ? t('upload.wrongFormat', { formats: problem.formats })
        : t('upload.empty');

  const failureText = (error: unknown): string => {
    if (error instanceof UploadError) {
      if (error.code === 'NETWORK') return t('upload.network');
      if (error.message) return error.message;
      return t('upload.failedStatus', { status: error.status || error.code });
    }
    return errorMessage(error, translateOrUndefined);
  };

  const upload = async (file: File) => {
    const problem = checkFile(file, { formats, maxSizeKb });
    if (problem) {
      setState({ kind: 'failed', file, message: problemText(problem), canRetry: false });
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ kind: 'uploading', file, percent: 0 });
    try {
      const url = await requestUrl(file);
      if (controller.signal.aborted) return;
      const stored = await sendFile(url, file, {
        signal: controller.signal,
        onProgress: (percent) => setState({ kind: 'uploading', file, percent }),
      });
      setState({ kind: 'idle' });
      onUploaded?.(stored);
    } catch (error) {
      if (error instanceof UploadError && error.code === 'ABORTED') {
        setState({ kind: 'idle' });
        return;
      }
      setState({ kind: 'failed', file, message: failureText(error), canRetry: true });
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  };

  const busy = state.kind === 'uploading';
  const hint = t('upload.hint', { formats: formats.join(',') || '*', kb: maxSizeKb });

  return (
    <div>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept={acceptAttribute(formats)}
        aria-label={t('upload.chooseFor', { label })}
        tabIndex={-1}
        style={visuallyHidden}
        disabled={disabled || busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ''; // the same file may be chosen again after a failure
          if (file) void upload(file);
        }}
      />
      <Button
        icon={<UploadOutlined aria-hidden />}
        disabled={disabled || busy}
        onClick={() => inputRef.current?.click()}
        aria-label={t('upload.buttonFor', { label })}
        title={hint}
      >
        {buttonText ?? t('upload.button')}
      </Button>
      {state.kind === 'uploading' && (
        <Flex align="center" gap={8} style={{ marginTop: 8, maxWidth: 360 }} role="status">
          <Typography.Text ellipsis style={{ maxWidth: 140 }} title={state.file.name}>
            {state.file.name}
          </Typography.Text>
          <Progress
            percent={state.percent}
            size="small"
            status="active"
            // A fixed width: inside a table cell sized to its content, flex growth would leave it 0 wide.
            style={{ width: 160, margin: 0 }}
            aria-label={t('upload.progress', { name: state.file.name, percent: state.percent })}
          />
          <Button size="small" type="link" onClick={() => abortRef.current?.abort()}>
            {t('upload.cancel')}
          </Button>
        </Flex>
      )}
      {state.kind === 'failed' && (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={t('upload.failed', {
            name: state.file ? `${state.file.name}（${formatBytes(state.file.size)}）` : '',
          })}
          description={state.message}
          action={
            <Flex vertical gap={4}>
              {state.canRetry && state.file && (
                <Button size="small" type="primary" onClick={() => state.file && void upload(state.file)}>
                  {t('upload.retry')}
                </Button>
              )}
              <Button size="small" onClick={() => setState({ kind: 'idle' })}>
                {t('upload.dismiss')}
              </Button>
            </Flex>
          }
        />
      )}
    </div>
  );
}
