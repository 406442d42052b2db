// The single source of truth for what the browser loads exactly once through the import map.
// The vendor build (shell/) turns every id below into one module; every other build (the web kit,
// the shell's root config, each micro-frontend) leaves these ids external, so there is one React,
// one antd, one dayjs, one i18next and one ECharts per page.

/** Bare specifiers shared through the import map, in the form application code imports them. */
export const SHARED_MODULES = [
  'react',
  'react/jsx-runtime',
  'react-dom',
  'react-dom/client',
  'antd',
  'antd/locale/zh_CN',
  'antd/locale/en_US',
  '@ant-design/icons',
  'dayjs',
  'dayjs/locale/zh-cn',
  'single-spa',
  'single-spa-react',
  'i18next',
  'react-i18next',
  // 统计分析's charts (bureau-dashboard loads it on that page only: import() of the bare id).
  'echarts',
];

/**
 * Where the vendor build takes a shared id's code from, when the public id resolves to a copy
 * the package also ships in another format: `antd/locale/zh_CN` points at antd's CommonJS `lib/`
 * tree, while `antd` itself is built from `es/`; taking the locale from `es/` keeps one copy.
 */
export const VENDOR_SOURCES = {
  'antd/locale/zh_CN': 'antd/es/locale/zh_CN',
  'antd/locale/en_US': 'antd/es/locale/en_US',
};

/** The web kit is shared too (one urql client, one auth store), but built by libs/web-kit. */
export const WEB_KIT = '@zhicheng/web-kit';

/** Packages whose sub-paths must never be bundled by accident (that would load a second copy). */
export const SHARED_PACKAGES = [...new Set([...SHARED_MODULES.map(packageName), WEB_KIT])];

/** `react/jsx-runtime` -> `react`, `@ant-design/icons` -> `@ant-design/icons`. */
export function packageName(id) {
  const parts = id.split('/');
  return id.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** A file-name-safe name for an id: `react/jsx-runtime` -> `react-jsx-runtime`. */
export function fileSafeName(id) {
  return id.replace(/^@/, '').replace(/[^A-Za-z0-9_.-]+/g, '-');
}
