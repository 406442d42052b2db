// The single-spa lifecycles of @zhicheng/unit-audit (mounted by the shell under /unit/*).
import './i18n';
import { defineMicroFrontend } from '@zhicheng/web-kit';
import css from './styles.css?inline';
import { App } from './App';

export const { bootstrap, mount, unmount } = defineMicroFrontend({
  name: '@zhicheng/unit-audit',
  rootComponent: App,
  css,
  scopeClass: 'zc-unit-audit',
});
