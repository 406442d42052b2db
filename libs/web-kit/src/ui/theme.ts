import type { ThemeConfig } from 'antd';

/**
 * The one antd theme of the platform (the shell and every micro-frontend get it through
 * ZhichengProvider). antd's default colours fail WCAG 2.1 AA for text (4.5:1): #1677ff on white is
 * 4.1:1, secondary text #8c8c8c 3.4:1, a success tag's #52c41a on #f6ffed 2.2:1, and the preset
 * tag colours (green, cyan, orange, gold: the "-7" shade on the "-1" background) 2.8–3.4:1.
 * Every colour below is used as text on white, on the page grey (#f5f7fa) or on its own light
 * background, and passes 4.5:1 there; theme.test.ts computes each ratio from antd's resulting
 * design tokens, so a token antd derives differently after an upgrade is caught.
 */
const BLUE = '#0958d9'; // blue-7: 6.2:1 on white, 5.5:1 on blue-1; white on it 6.2:1
const GREEN = '#237804'; // green-8: 5.4:1 on green-1
const ORANGE = '#ad4e00'; // orange-8: 5.1:1 on orange-1 (warnings: 被退回, 待补充)
const RED = '#cf1322'; // red-7: 5.1:1 on red-1
const CYAN = '#006d75'; // cyan-8
const GOLD = '#874d00'; // gold-9 (gold-8 is 4.25:1 on gold-1)

function presetText(colours: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(colours).flatMap(([name, colour]) => [
      [`${name}7`, colour],
      [`${name}-7`, colour],
    ]),
  );
}

export const zhichengTheme: ThemeConfig = {
  token: {
    colorPrimary: BLUE,
    // Hover and press keep 4.5:1 too (antd derives a lighter hover, #2e7ae6: 4.2:1 under white).
    colorPrimaryHover: '#1c5fd6',
    colorPrimaryTextHover: '#1c5fd6',
    colorPrimaryActive: '#003eb3',
    // Selected rows, menu items and options under the mouse: links on it keep 4.9:1 (antd's
    // #add8ff left 4.1:1 for a link in a selected table row).
    colorPrimaryBgHover: '#d6e8ff',
    controlItemBgActiveHover: '#d6e8ff',
    // Links and the info/processing colour are seeded apart from the primary colour.
    colorInfo: BLUE,
    colorLink: BLUE,
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorSuccess: GREEN,
    colorSuccessBg: '#f6ffed',
    colorSuccessBgHover: '#d9f7be',
    colorSuccessBorder: '#b7eb8f',
    colorSuccessHover: '#135200',
    colorWarning: ORANGE,
    colorWarningBg: '#fff7e6',
    colorWarningBgHover: '#ffe7ba',
    colorWarningBorder: '#ffd591',
    colorWarningHover: '#873800',
    colorError: RED,
    colorErrorBg: '#fff2f0',
    colorErrorBgHover: '#fff1f0',
    colorErrorBorder: '#ffccc7',
    colorErrorHover: '#a8071a',
    colorErrorTextHover: '#a8071a',
    colorErrorActive: '#820014',
    // Secondary text (descriptions, hints, table headers' sort icons, empty states): 0.45 → 0.62.
    colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    // Placeholders are read to know what to type (请选择, 请输入…): 4.7:1 on white.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Preset tag colours: text is the "-7" shade on the "-1" background. antd names each shade
    // twice (orange7 and the older orange-7), and its CSS variable --ant-orange-7 takes the value
    // of the older name: both are set.
    ...presetText({
      green: GREEN,
      cyan: CYAN,
      orange: ORANGE,
      gold: GOLD,
      lime: '#3f6600',
      volcano: '#ad2102',
      yellow: '#874d00',
      magenta: '#9e1068',
    }),
  },
  components: {
    // A table without rows says so ("暂无数据") in colorTextDisabled (#bfbfbf, 1.8:1): it is
    // information, not a disabled control.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
  },
};
