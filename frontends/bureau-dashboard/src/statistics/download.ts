// 导出CSV / 导出Excel: the sections as a file the browser saves.
import { sectionsCsv } from './csv';
import type { Section } from './sections';

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the blob to the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(sections: Section[], fileName: string) {
  save(new Blob([sectionsCsv(sections)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
}

/** One sheet per section; write-excel-file (with fflate) is loaded on the first export only. */
export async function downloadXlsx(sections: Section[], fileName: string) {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const sheets = sections.map((section) => ({
    sheet: section.title.slice(0, 31),
    stickyRowsCount: 1,
    columns: section.columns.map((_, i) => ({ width: i === 0 ? 36 : 14 })),
    data: [
      section.columns.map((value) => ({ value, fontWeight: 'bold' as const })),
      ...section.rows.map((row) => row.map((value) => (value === null ? null : { value }))),
    ],
  }));
  save(await writeXlsxFile(sheets).toBlob(), `${fileName}.xlsx`);
}
