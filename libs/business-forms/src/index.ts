import { renderPublicity, renderReviewList, renderTalentApplication } from './forms';
import type { BusinessFormData, BusinessFormKind } from './types';

export * from './types';
export { renderPublicity, renderReviewList, renderTalentApplication } from './forms';
export { dateText, monthText, periodText, excerpt } from './text';
/** The embedded Noto Sans SC, for other PDFs of the platform (the certificate). */
export { cjkFonts } from './fonts';

/**
 * A business form (业务表册) as a PDF: Chinese text in an embedded, subset Noto Sans SC, tables
 * that break across pages with their header repeated, and a footer with the form name, when it
 * was produced and the page count.
 */
export function renderBusinessForm<K extends BusinessFormKind>(
  kind: K,
  data: BusinessFormData[K],
): Promise<Buffer> {
  switch (kind) {
    case 'REVIEW_LIST':
      return renderReviewList(data as BusinessFormData['REVIEW_LIST']);
    case 'PUBLICITY':
      return renderPublicity(data as BusinessFormData['PUBLICITY']);
    case 'TALENT_APPLICATION':
      return renderTalentApplication(data as BusinessFormData['TALENT_APPLICATION']);
    default:
      return Promise.reject(new Error(`unknown business form: ${String(kind)}`));
  }
}
