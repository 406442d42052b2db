// The single-spa lifecycles of @zhicheng/bureau-dashboard (mounted by the shell under /bureau/*).
import './i18n';
import { defineMicroFrontend } from '@zhicheng/web-kit';
import css from './styles.css?inline';
import { App } from './App';

export const { bootstrap, mount, unmount } = defineMicroFrontend({
  name: '@zhicheng/bureau-dashboard',
  rootComponent: App,
  css,
  scopeClass: 'zc-bureau-dashboard',
});
