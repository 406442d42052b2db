// The single-spa root config (import-map name "@zhicheng/shell"): registers the deployed
// micro-frontends by route, renders the shell's own pages and layout, and resumes the session.
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { start, triggerAppChange } from 'single-spa';
import { auth, ZhichengProvider } from '@zhicheng/web-kit';
import shellCss from './styles.css?inline';
import { registerMicroFrontends } from './microFrontends';
import { ShellApp } from './ShellApp';

const style = document.createElement('style');
style.dataset.zhichengApp = '@zhicheng/shell';
style.textContent = shellCss;
document.head.appendChild(style);

registerMicroFrontends();
// Apps are active only while signed in: re-evaluate them whenever the session changes.
auth.subscribe(() => void triggerAppChange());
start({ urlRerouteOnly: true });

const rootElement = document.getElementById('zc-shell-root');
if (!rootElement) throw new Error('index.html must contain <div id="zc-shell-root">');
createRoot(rootElement).render(
  <StrictMode>
    <ZhichengProvider>
      <ShellApp />
    </ZhichengProvider>
  </StrictMode>,
);

void auth.restore();
