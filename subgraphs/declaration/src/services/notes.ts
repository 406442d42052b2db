// 申报注意事项 are formatted text the bureau writes in the dashboard's editor. They are stored as
// HTML cleaned here, on the server, so every client (the wizard, a third party) may render them:
// sanitize-html (maintained, no DOM needed) keeps headings, paragraphs, emphasis, lists and
// https links, and drops everything else (scripts, styles, event handlers, images, iframes).
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'ol',
    'ul',
    'li',
    'h3',
    'h4',
    'blockquote',
    'a',
  ],
  // target and rel are those the transform below sets (it overwrites what was typed).
  allowedAttributes: { a: ['href', 'target', 'rel'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Links leave the platform in a new tab and never hand it the opener or the referrer.
  transformTags: {
    // Browsers' editors write <b>, <i> and a <div> per line; stored as what they mean.
    b: 'strong',
    i: 'em',
    div: 'p',
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }),
  },
  allowedSchemesAppliedToAttributes: ['href'],
};

/** The notes as stored: cleaned HTML (plain text stays plain text, with its line breaks). */
export function sanitizeNotes(notes: string): string {
  return sanitizeHtml(notes, OPTIONS).trim();
}

/** The words of the notes, for length limits (markup does not count). */
export function notesText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
}
