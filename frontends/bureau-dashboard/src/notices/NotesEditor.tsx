import { useEffect, useRef } from 'react';
import { Button, Space, Tooltip } from 'antd';
import { BoldOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from '@zhicheng/web-kit';

export interface NotesEditorProps {
  id?: string;
  value?: string;
  onChange?: (html: string) => void;
  'aria-describedby'?: string;
}

/**
 * 申报注意事项 as formatted text: bold, lists and paragraphs in an editable box. What it writes is
 * HTML the server cleans (sanitize-html) before storing; nothing typed here is trusted.
 */
export function NotesEditor({ id, value = '', onChange, ...aria }: NotesEditorProps) {
  const { t } = useTranslation('bureau');
  const box = useRef<HTMLDivElement>(null);
  // Set from outside only when it differs (a loaded notice), never while typing: that would move the caret.
  useEffect(() => {
    if (box.current && box.current.innerHTML !== value) box.current.innerHTML = value;
  }, [value]);
  const apply = (command: string, argument?: string) => {
    box.current?.focus();
    document.execCommand(command, false, argument);
    onChange?.(box.current?.innerHTML ?? '');
  };
  const tools = [
    { key: 'bold', icon: <BoldOutlined aria-hidden />, run: () => apply('bold') },
    { key: 'ol', icon: <OrderedListOutlined aria-hidden />, run: () => apply('insertOrderedList') },
    { key: 'ul', icon: <UnorderedListOutlined aria-hidden />, run: () => apply('insertUnorderedList') },
  ];
  return (
    <div className="zc-notes-editor">
      <Space size={4} role="toolbar" aria-label={t('noticeEdit.notesToolbar')} style={{ marginBottom: 4 }}>
        {tools.map((tool) => (
          <Tooltip key={tool.key} title={t(`noticeEdit.notesTool.${tool.key}`)}>
            <Button
              size="small"
              icon={tool.icon}
              aria-label={t(`noticeEdit.notesTool.${tool.key}`)}
              // Keep the selection in the box: a mouse press on the button would take the focus.
              onMouseDown={(event) => event.preventDefault()}
              onClick={tool.run}
            />
          </Tooltip>
        ))}
      </Space>
      <div
        id={id}
        ref={box}
        className="zc-notes-box"
        role="textbox"
        aria-multiline="true"
        aria-label={t('noticeEdit.notes')}
        aria-describedby={aria['aria-describedby']}
        contentEditable
        suppressContentEditableWarning
        tabIndex={0}
        onInput={() => onChange?.(box.current?.innerHTML ?? '')}
      />
    </div>
  );
}
