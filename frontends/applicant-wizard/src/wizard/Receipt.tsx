import { useEffect } from 'react';
import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation, useWords } from '@zhicheng/web-kit';
import { formatTime } from '../format';
import { useWizard } from './context';
import { visibleModules } from './FillStep';
import { receiptLines, routeAhead } from './receipt';

/**
 * 申报回执: what the applicant keeps after 提交 — the case number, when, under which notice, what
 * was submitted (modules, entries, files) and what happens next. Printed on its own (see the
 * print rules in styles.css: only the receipt is on paper).
 */
export function Receipt() {
  const { t } = useTranslation('applicant');
  const words = useWords();
  const { declaration } = useWizard();
  // While the receipt is on the page, printing the page prints the receipt alone (styles.css).
  useEffect(() => {
    document.documentElement.classList.add('zc-printing-receipt');
    return () => document.documentElement.classList.remove('zc-printing-receipt');
  }, []);
  const { lines, totalFiles } = receiptLines({
    modules: declaration.modules as Record<string, unknown>,
    attachments: declaration.attachments,
    formConfig: {
      ...declaration.notice.formConfig,
      // As the wizard shows them: 破格推荐专家 only for a 破格 declaration.
      modules: visibleModules(declaration.notice.formConfig.modules, declaration.category),
    },
  });
  const route = [
    t('done.applicant'),
    ...routeAhead(
      declaration.reviewProgress.map((node) => ({
        ...node,
        levelText: words.status('ReviewLevel', node.level, node.levelText),
      })),
      declaration.notice.route,
    ),
  ];
  return (
    <Card
      size="small"
      className="zc-receipt"
      title={<h2 className="zc-section-title">{t('receipt.title')}</h2>}
      extra={
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} className="zc-no-print">
          {t('receipt.print')}
        </Button>
      }
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'case',
            label: t('receipt.caseNumber'),
            children: <strong>{declaration.caseNumber}</strong>,
          },
          { key: 'at', label: t('done.submittedAt'), children: formatTime(declaration.submittedAt) ?? '-' },
          { key: 'applicant', label: t('receipt.applicant'), children: declaration.applicantName },
          { key: 'unit', label: t('binding.unit'), children: declaration.unitName },
          { key: 'notice', label: t('receipt.notice'), children: declaration.notice.title },
          {
            key: 'category',
            label: t('history.columns.category'),
            children: words.status('DeclarationCategory', declaration.category, declaration.categoryText),
          },
          {
            key: 'title',
            label: t('history.columns.title'),
            children:
              [declaration.title?.titleName, declaration.title?.levelName].filter(Boolean).join('，') || '-',
          },
        ]}
      />
      <h3 className="zc-receipt-heading">{t('receipt.submitted')}</h3>
      <table className="zc-receipt-table">
        <caption className="zc-visually-hidden">{t('receipt.submitted')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('receipt.item')}</th>
            <th scope="col">{t('receipt.content')}</th>
            <th scope="col">{t('receipt.files')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.name}>
              <th scope="row">{line.name}</th>
              <td>
                {line.entries !== null
                  ? t('receipt.entries', { count: line.entries })
                  : line.filesOnly
                    ? t('receipt.uploaded')
                    : line.filled
                      ? t('receipt.filled')
                      : t('receipt.empty')}
              </td>
              <td>{t('receipt.fileCount', { count: line.files })}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('receipt.total')}
            </th>
            <td>{t('receipt.fileCount', { count: totalFiles })}</td>
          </tr>
        </tfoot>
      </table>
      <h3 className="zc-receipt-heading">{t('receipt.next')}</h3>
      <Flex vertical gap={4}>
        <Typography.Text>{route.join(' → ')}</Typography.Text>
        <Typography.Text>{t('receipt.watch')}</Typography.Text>
        <Typography.Text type="secondary">{t('receipt.keep')}</Typography.Text>
      </Flex>
    </Card>
  );
}
