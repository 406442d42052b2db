import { theme } from 'antd';
import { zhichengTheme } from './theme';

// WCAG 2.1 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
type Rgb = [number, number, number];

function parse(colour: string, background: Rgb = [255, 255, 255]): Rgb {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)) as Rgb;
  const rgba = /^rgba?\(([^)]+)\)$/.exec(colour.replace(/\s/g, ''));
  if (!rgba) throw new Error(`unknown colour ${colour}`);
  const [r, g, b, a = 1] = rgba[1].split(',').map(Number);
  // A translucent colour is what it shows over its background.
  return [r, g, b].map((c, i) => Math.round(c * a + background[i] * (1 - a))) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const [lr, lg, lb] = [r, g, b].map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
}

function contrast(foreground: string, background: string): number {
  const bg = parse(background);
  const [a, b] = [luminance(parse(foreground, bg)), luminance(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

const token = theme.getDesignToken(zhichengTheme) as unknown as Record<string, string>;
const WHITE = '#ffffff';
const PAGE = '#f5f7fa'; // shell/src/index.html and the layout's background

describe('the platform theme meets WCAG 2.1 AA contrast (4.5:1 for text)', () => {
  const pairs: [string, string, string][] = [
    ['primary text and links on white', token.colorPrimary, WHITE],
    ['links on white', token.colorLink, WHITE],
    ['links on the page grey', token.colorLink, PAGE],
    ['white text on a primary button', WHITE, token.colorPrimary],
    ['white text on a primary button under the mouse', WHITE, token.colorPrimaryHover],
    ['white text on a pressed primary button', WHITE, token.colorPrimaryActive],
    ['a text button under the mouse', token.colorPrimaryTextHover, WHITE],
    ['a link under the mouse', token.colorLinkHover, WHITE],
    ['a link in a selected row', token.colorLink, token.colorPrimaryBg],
    ['a link in a selected row under the mouse', token.colorLink, token.colorPrimaryBgHover],
    ['a selected option under the mouse', token.colorPrimary, token.controlItemBgActiveHover],
    ['white text on a danger button under the mouse', WHITE, token.colorErrorHover],
    ['a danger text button under the mouse', token.colorErrorTextHover, WHITE],
    ['success text under the mouse', token.colorSuccessHover, WHITE],
    ['warning text under the mouse', token.colorWarningHover, WHITE],
    ['body text on white', token.colorText, WHITE],
    ['secondary text on white', token.colorTextSecondary, WHITE],
    ['descriptions on white', token.colorTextDescription, WHITE],
    ['descriptions on the page grey', token.colorTextDescription, PAGE],
    ['tertiary text on white', token.colorTextTertiary, WHITE],
    ['placeholders on white', token.colorTextPlaceholder, WHITE],
    ['success tag', token.colorSuccess, token.colorSuccessBg],
    ['processing tag', token.colorInfo, token.colorInfoBg],
    ['warning tag', token.colorWarning, token.colorWarningBg],
    ['error tag', token.colorError, token.colorErrorBg],
    ['error text under a field', token.colorError, WHITE],
    ['warning text on white', token.colorWarning, WHITE],
    ['white text on a danger button', WHITE, token.colorError],
    ...[
      'blue',
      'green',
      'cyan',
      'orange',
      'gold',
      'red',
      'purple',
      'geekblue',
      'magenta',
      'volcano',
      'lime',
    ].map((colour): [string, string, string] => [
      `preset tag ${colour}`,
      // The name the CSS variable --ant-<colour>-7 is written from (antd keeps orange7 apart).
      token[`${colour}-7`],
      token[`${colour}1`],
    ]),
  ];

  const table = theme.getDesignToken({
    ...zhichengTheme,
    token: { ...zhichengTheme.token, ...zhichengTheme.components?.Table },
  }) as unknown as Record<string, string>;
  pairs.push(["an empty table's 暂无数据", table.colorTextDisabled, WHITE]);

  it.each(pairs)('%s (%s on %s)', (_name, foreground, background) => {
    expect(contrast(foreground, background)).toBeGreaterThanOrEqual(4.5);
  });

  it("fails antd's defaults, so the test can fail", () => {
    const defaults = theme.getDesignToken() as unknown as Record<string, string>;
    expect(contrast(defaults.colorPrimary, WHITE)).toBeLessThan(4.5); // 4.1:1
    expect(contrast(defaults.colorTextDescription, WHITE)).toBeLessThan(4.5); // 3.4:1
    expect(contrast(defaults.colorSuccess, defaults.colorSuccessBg)).toBeLessThan(4.5); // 2.2:1
  });
});
