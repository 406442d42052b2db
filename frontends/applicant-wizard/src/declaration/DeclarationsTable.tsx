import { App, Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import {
  errorMessage,
  Link,
  translateOrUndefined,
  useMutation,
  useTranslation,
  useWords,
} from '@zhicheng/web-kit';
import type { DeclarationRowFieldsFragment } from '../gql/graphql';
import { formatTime } from '../format';
import { paths } from '../routes';
import { CancelDeclarationMutation, DeleteDeclarationMutation } from './documents';
import { LiveTrack } from './LiveTrack';
import { actionsFor, DECLARATION_STATUS_COLOURS } from './status';
import { confirmDestructive } from '../components/confirmDestructive';

export type DeclarationRow = DeclarationRowFieldsFragment;

const REFRESH = { additionalTypenames: ['Declaration'] };

function RowActions({ row }: { row: DeclarationRow }) {
  const { t } = useTranslation('applicant');
  const { message, modal } = App.useApp();
  const [cancelled, cancel] = useMutation(CancelDeclarationMutation);
  const [deleted, remove] = useMutation(DeleteDeclarationMutation);
  const actions = actionsFor(row.status, row.notice.isOpen);
  const label = (key: string) => `${t(`history.actions.${key}`)} ${row.notice.title}`;

  const doCancel = async () => {
    const result = await cancel({ id: row.id }, REFRESH);
    if (result.error) return void message.error(errorMessage(result.error, translateOrUndefined));
    message.success(t('history.cancelled'));
  };
  const doDelete = async () => {
    const result = await remove({ id: row.id }, REFRESH);
    if (result.error) return void message.error(errorMessage(result.error, translateOrUndefined));
    message.success(t('history.deleted'));
  };

  return (
    <Space size={0} wrap>
      {actions.includes('continue') && (
        <Link to={paths.fill(row.id)} className="zc-action-link" aria-label={label('continue')}>
          {t('history.actions.continue')}
        </Link>
      )}
      {actions.includes('edit') && (
        <Link to={paths.fill(row.id)} className="zc-action-link" aria-label={label('edit')}>
          {t('history.actions.edit')}
        </Link>
      )}
      {actions.includes('view') && (
        <Link to={paths.done(row.id)} className="zc-action-link" aria-label={label('view')}>
          {t('history.actions.view')}
        </Link>
      )}
      {actions.includes('cancel') && (
        <Button
          type="link"
          size="small"
          danger
          loading={cancelled.fetching}
          aria-label={label('cancel')}
          onClick={() =>
            confirmDestructive(modal, {
              title: t('history.cancelConfirm'),
              content: t('history.cancelHint'),
              confirmText: t('history.cancelButton'),
              keepText: t('back'),
              onConfirm: doCancel,
            })
          }
        >
          {t('history.actions.cancel')}
        </Button>
      )}
      {actions.includes('delete') && (
        <Button
          type="link"
          size="small"
          danger
          loading={deleted.fetching}
          aria-label={label('delete')}
          onClick={() =>
            confirmDestructive(modal, {
              title: t('history.deleteConfirm'),
              content: t('history.deleteHint'),
              confirmText: t('history.deleteButton'),
              keepText: t('back'),
              onConfirm: doDelete,
            })
          }
        >
          {t('history.actions.delete')}
        </Button>
      )}
    </Space>
  );
}

export interface DeclarationsTableProps {
  rows: readonly DeclarationRow[];
  loading: boolean;
  /** Visually hidden caption naming the table for screen readers. */
  caption: string;
  emptyText?: string;
}

/** 申报历史信息: 通知名称, 系列, 推荐单位, 专业, 专业范围, 申报职称, 级别, 业务状态 and 操作. */
export function DeclarationsTable({ rows, loading, caption, emptyText }: DeclarationsTableProps) {
  const { t } = useTranslation('applicant');
  const words = useWords();
  const dash = <span className="zc-muted">-</span>;
  const columns: TableColumnsType<DeclarationRow> = [
    {
      title: t('history.columns.notice'),
      key: 'notice',
      render: (_v, row) => (
        <div className="zc-cell-wide">
          {row.notice.title}
          <br />
          <span className="zc-muted">{row.notice.channel.name}</span>
        </div>
      ),
    },
    { title: t('history.columns.series'), key: 'series', render: (_v, row) => row.title?.seriesName ?? dash },
    {
      title: t('history.columns.unit'),
      key: 'unit',
      render: (_v, row) => <div className="zc-cell-medium">{row.unitName}</div>,
    },
    {
      title: t('history.columns.specialty'),
      key: 'specialty',
      render: (_v, row) => row.title?.specialtyName ?? dash,
    },
    { title: t('history.columns.scope'), key: 'scope', render: (_v, row) => row.title?.scopeName ?? dash },
    { title: t('history.columns.title'), key: 'title', render: (_v, row) => row.title?.titleName ?? dash },
    { title: t('history.columns.level'), key: 'level', render: (_v, row) => row.title?.levelName ?? dash },
    {
      title: t('history.columns.category'),
      key: 'category',
      render: (_v, row) => words.status('DeclarationCategory', row.category, row.categoryText),
      className: 'zc-nowrap',
    },
    {
      title: t('history.columns.updatedAt'),
      key: 'updatedAt',
      className: 'zc-nowrap',
      render: (_v, row) => formatTime(row.submittedAt ?? row.updatedAt),
    },
    {
      title: t('history.columns.status'),
      key: 'status',
      fixed: 'right',
      render: (_v, row) => (
        <Tag color={DECLARATION_STATUS_COLOURS[row.status]}>
          {words.status('DeclarationStatus', row.status, row.statusText)}
        </Tag>
      ),
    },
    {
      title: t('history.columns.actions'),
      key: 'actions',
      // Stays in view while the wide table scrolls sideways.
      fixed: 'right',
      render: (_v, row) => <RowActions row={row} />,
    },
  ];
  // 作废 and 删除 side by side: say once what each does (the dialogs say it again).
  const destructive = rows.some((row) => {
    const actions = actionsFor(row.status, row.notice.isOpen);
    return actions.includes('cancel') || actions.includes('delete');
  });
  return (
    <>
      {destructive && (
        <Typography.Paragraph type="secondary" className="zc-actions-note">
          {t('history.actionsNote')}
        </Typography.Paragraph>
      )}
      <Table<DeclarationRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={loading}
        locale={{ emptyText: emptyText ?? t('history.empty') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        caption={<span className="zc-visually-hidden">{caption}</span>}
        expandable={{
          // 进度跟踪 / 流程推送 of anything submitted, live while open.
          rowExpandable: (row) => !!row.submittedAt,
          expandedRowRender: (row) => <LiveTrack id={row.id} submittedAt={row.submittedAt} />,
        }}
      />
    </>
  );
}
