// The single-spa lifecycles of @zhicheng/certificate-center (mounted by the shell under
// /certificates/* for signed-in holders and on /verify for everyone).
import './i18n';
import { defineMicroFrontend } from '@zhicheng/web-kit';
import css from './styles.css?inline';
import { App } from './App';

export const { bootstrap, mount, unmount } = defineMicroFrontend({
  name: '@zhicheng/certificate-center',
  rootComponent: App,
  css,
  scopeClass: 'zc-certificates',
});
