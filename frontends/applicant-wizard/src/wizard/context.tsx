import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';
import { App } from 'antd';
import {
  contentTypeOf,
  errorMessage,
  hasErrorCode,
  navigate,
  translateOrUndefined,
  useMutation,
  useTranslation,
  type CombinedError,
  useWords,
} from '@zhicheng/web-kit';
import {
  RemoveAttachmentMutation,
  RequestUploadMutation,
  SaveDeclarationMutation,
} from '../declaration/documents';
import { confirmDestructive } from '../components/confirmDestructive';
import type { AttachmentSlotInput, DeclarationModulesInput, WizardFieldsFragment } from '../gql/graphql';

export type WizardDeclaration = WizardFieldsFragment;
export type WizardAttachment = WizardDeclaration['attachments'][number];

export type SaveResult = { ok: true } | { ok: false; error: CombinedError | undefined; conflict: boolean };

export interface WizardApi {
  declaration: WizardDeclaration;
  /** Fetches the declaration again (after an upload); forms keep what is typed in them. */
  refresh: () => void;
  /** Fetches it again and resets every form to it (after a conflict). */
  reload: () => void;
  /** Goes to another module or step, asking first when a form has unsaved changes. */
  leave: (target: string) => void;
  /** 暂存: saves only the modules in `input`; a stale version opens the conflict dialog. */
  save: (input: DeclarationModulesInput) => Promise<SaveResult>;
  saving: boolean;
  /** The URL to POST a file to for a slot (an upload ticket). */
  uploadUrl: (slot: AttachmentSlotInput, file: File) => Promise<string>;
  removeAttachment: (attachment: WizardAttachment) => Promise<void>;
  /** Set by a module form with unsaved changes; the navigator asks before leaving it. */
  dirty: { current: boolean };
  /** Changes when the declaration is reloaded on purpose: forms re-read their values then. */
  generation: number;
}

const WizardContext = createContext<WizardApi | null>(null);

export function useWizard(): WizardApi {
  const api = useContext(WizardContext);
  if (!api) throw new Error('useWizard outside WizardProvider');
  return api;
}

export function WizardProvider({
  declaration,
  refresh,
  reload,
  generation,
  children,
}: {
  declaration: WizardDeclaration;
  refresh: () => void;
  reload: () => void;
  generation: number;
  children: ReactNode;
}) {
  const { t } = useTranslation('applicant');
  const { message, modal } = App.useApp();
  const [saveState, saveMutation] = useMutation(SaveDeclarationMutation);
  const [, requestUpload] = useMutation(RequestUploadMutation);
  const [, removeMutation] = useMutation(RemoveAttachmentMutation);
  const dirty = useRef(false);
  const conflictOpen = useRef(false);

  const showConflict = useCallback(
    (error: CombinedError | undefined) => {
      if (conflictOpen.current) return;
      conflictOpen.current = true;
      modal.confirm({
        title: t('conflict.title'),
        content: (
          <>
            <p>{t('conflict.body')}</p>
            <p className="zc-muted">{errorMessage(error, translateOrUndefined)}</p>
          </>
        ),
        okText: t('conflict.reload'),
        cancelText: t('conflict.stay'),
        onOk: () => {
          dirty.current = false;
          reload();
        },
        afterClose: () => {
          conflictOpen.current = false;
        },
      });
    },
    [modal, reload, t],
  );

  const save = useCallback(
    async (input: DeclarationModulesInput): Promise<SaveResult> => {
      const result = await saveMutation({ id: declaration.id, expectedVersion: declaration.version, input });
      if (!result.error && result.data) return { ok: true };
      const conflict = hasErrorCode(result.error, 'CONFLICT');
      if (conflict) showConflict(result.error);
      return { ok: false, error: result.error, conflict };
    },
    [declaration.id, declaration.version, saveMutation, showConflict],
  );

  const uploadUrl = useCallback(
    async (slot: AttachmentSlotInput, file: File) => {
      const result = await requestUpload({
        declarationId: declaration.id,
        slot,
        fileName: file.name,
        sizeBytes: file.size,
        contentType: contentTypeOf(file),
      });
      if (result.error || !result.data) throw result.error ?? new Error('no upload ticket');
      return result.data.requestUpload.url;
    },
    [declaration.id, requestUpload],
  );

  const removeAttachment = useCallback(
    async (attachment: WizardAttachment) => {
      const result = await removeMutation({ id: attachment.id });
      if (result.error) {
        message.error(errorMessage(result.error, translateOrUndefined));
        return;
      }
      message.success(t('files.removed', { name: attachment.fileName }));
    },
    [message, removeMutation, t],
  );

  const leave = useCallback(
    (target: string) => {
      if (!dirty.current) return navigate(target);
      confirmDestructive(modal, {
        title: t('fill.unsavedTitle'),
        content: t('fill.unsavedBody'),
        confirmText: t('fill.discard'),
        keepText: t('fill.stay'),
        onConfirm: () => {
          dirty.current = false;
          navigate(target);
        },
      });
    },
    [modal, t],
  );

  // Module and attachment names in the UI language (a notice's own names in Chinese).
  const words = useWords();
  const shown = useMemo(() => inLanguage(declaration, words), [declaration, words]);
  const api = useMemo<WizardApi>(
    () => ({
      declaration: shown,
      refresh,
      reload,
      leave,
      save,
      saving: saveState.fetching,
      uploadUrl,
      removeAttachment,
      dirty,
      generation,
    }),
    [shown, refresh, reload, leave, save, saveState.fetching, uploadUrl, removeAttachment, generation],
  );
  return <WizardContext.Provider value={api}>{children}</WizardContext.Provider>;
}

/** The declaration with its form's module and slot names in the UI language. */
function inLanguage(declaration: WizardDeclaration, words: ReturnType<typeof useWords>): WizardDeclaration {
  if (words.language === 'zh-CN') return declaration;
  const config = declaration.notice.formConfig;
  return {
    ...declaration,
    notice: {
      ...declaration.notice,
      formConfig: {
        ...config,
        modules: config.modules.map((m) => ({ ...m, name: words.module(m.key, config.modules) })),
        attachments: config.attachments.map((a) => ({ ...a, name: words.slot(a) })),
      },
    },
  };
}
