import type { CSSProperties } from 'react';

const STYLE: CSSProperties = { whiteSpace: 'pre-line', overflowWrap: 'anywhere' };

/**
 * 申报注意事项 as the bureau formatted them. The API answers them cleaned (the declaration
 * subgraph runs sanitize-html on every write: headings, paragraphs, emphasis, lists, links only),
 * so the markup is rendered; plain-text notes keep their line breaks.
 */
export function NoticeNotes({ html, empty }: { html: string; empty: string }) {
  if (!html.trim()) return <p>{empty}</p>;
  return <div className="zc-notice-notes" style={STYLE} dangerouslySetInnerHTML={{ __html: html }} />;
}
