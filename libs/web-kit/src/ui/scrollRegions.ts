import { i18n } from '../i18n';

// Tables wider than the screen (a phone, a long row) scroll sideways inside antd's
// `.ant-table-content` / `.ant-table-body`. A keyboard user must be able to reach and scroll such a
// region (WCAG 2.1.1; axe's scrollable-region-focusable), and a screen reader should say what it
// is. antd offers no prop for that element, so the web kit watches the page once for every app:
// a table container that overflows gets tabindex=0, role=region and a name ("<table name>（可左右
// 滚动）"); one that no longer overflows (a wider window) loses what was added, so it is no extra
// tab stop.
// It also takes antd's invisible measure rows out of the tab order (see update()).
const SELECTOR = '.ant-table-content, .ant-table-body';
const OWNED = 'zcScrollRegion';

function nameOf(region: HTMLElement): string {
  const table = region.closest('.ant-table-wrapper')?.querySelector('table');
  const named = table?.getAttribute('aria-label') ?? table?.querySelector('caption')?.textContent;
  return i18n.t('scrollRegion', { name: named?.trim() || i18n.t('table') });
}

function update(): void {
  // antd's measure row (an invisible, aria-hidden copy of the column titles that sizes columns)
  // also copies the select-all checkbox: a focusable control inside aria-hidden. `inert` takes it
  // out of the tab order and the accessibility tree; layout, which the row exists for, stays.
  for (const row of document.querySelectorAll<HTMLElement>('.ant-table-measure-row:not([inert])')) {
    row.inert = true;
  }
  for (const region of document.querySelectorAll<HTMLElement>(SELECTOR)) {
    const owned = region.dataset[OWNED] !== undefined;
    const scrolls =
      region.scrollWidth > region.clientWidth + 1 || region.scrollHeight > region.clientHeight + 1;
    if (scrolls && (owned || !region.hasAttribute('tabindex'))) {
      region.dataset[OWNED] = '';
      region.tabIndex = 0;
      region.setAttribute('role', 'region');
      region.setAttribute('aria-label', nameOf(region));
    } else if (!scrolls && owned) {
      delete region.dataset[OWNED];
      region.removeAttribute('tabindex');
      region.removeAttribute('role');
      region.removeAttribute('aria-label');
    }
  }
}

let watching = false;

/** Starts watching the page (once, however many apps call it). */
export function watchScrollableRegions(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      update();
    });
  };
  // Only added and removed elements: the attributes set here do not wake the observer again.
  new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);
  i18n.on('languageChanged', schedule);
  schedule();
}
