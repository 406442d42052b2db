import { App, Button, Flex } from 'antd';
import type { ReactNode } from 'react';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

export interface DestructiveConfirm {
  title: ReactNode;
  /** What happens, and that it cannot be undone. */
  content: ReactNode;
  /** Names the effect (作废此申报, 放弃修改并离开); never a bare 确定. */
  confirmText: string;
  /** The safe way out (返回, 继续编辑): the primary, focused button, also what Esc does. */
  keepText: string;
  onConfirm: () => unknown;
}

/**
 * A dialog before something that cannot be undone: the safe choice is the primary, focused button;
 * the destructive one, in red, names its effect. The order is every dialog's (antd's): the way
 * out on the left, the action on the right.
 */
export function confirmDestructive(modal: ModalApi, options: DestructiveConfirm) {
  const dialog = modal.confirm({
    title: options.title,
    content: options.content,
    footer: (
      <Flex gap={8} justify="end" wrap className="zc-confirm-buttons">
        <Button type="primary" autoFocus onClick={() => dialog.destroy()}>
          {options.keepText}
        </Button>
        <Button
          danger
          onClick={() => {
            dialog.destroy();
            void options.onConfirm();
          }}
        >
          {options.confirmText}
        </Button>
      </Flex>
    ),
  });
  return dialog;
}
