// The single-spa lifecycles of @zhicheng/applicant-wizard (mounted by the shell under /applicant/*).
import './i18n';
import { defineMicroFrontend } from '@zhicheng/web-kit';
import css from './styles.css?inline';
import { App } from './App';

export const { bootstrap, mount, unmount } = defineMicroFrontend({
  name: '@zhicheng/applicant-wizard',
  rootComponent: App,
  css,
  scopeClass: 'zc-applicant',
});
