import * as React from 'react';
import type { ComponentType } from 'react';
import * as ReactDOMClient from 'react-dom/client';
import type { CustomProps, LifeCycleFn } from 'single-spa';
import singleSpaReact from 'single-spa-react';
import { Button, Result } from 'antd';
import { i18n } from '../i18n';
import { ZhichengProvider } from '../ui/ZhichengProvider';

export interface MicroFrontendOptions {
  /** The import-map name, e.g. "@zhicheng/unit-audit". */
  name: string;
  rootComponent: ComponentType;
  /**
   * The app's own CSS (import it with "?inline"), every rule under `.${scopeClass}`. It is added
   * when the app mounts and removed when it unmounts, so apps never leak styles into each other.
   */
  css?: string;
  /** The class on the app's root element that scopes its CSS, e.g. "zc-unit-audit". */
  scopeClass: string;
}

export interface MicroFrontendLifecycles {
  bootstrap: LifeCycleFn<CustomProps>;
  mount: LifeCycleFn<CustomProps>;
  unmount: LifeCycleFn<CustomProps>;
}

/** Shown instead of an app that threw while rendering, so the shell around it keeps working. */
function Crashed() {
  return (
    <Result
      status="error"
      title={i18n.t('crash.title')}
      subTitle={i18n.t('crash.subTitle')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {i18n.t('actions.reload')}
        </Button>
      }
    />
  );
}

/**
 * The single-spa lifecycles of a micro-frontend (bootstrap, mount, unmount), built with
 * single-spa-react around the app's root component: the shared providers, an error boundary and
 * the app's scoped CSS.
 */
export function defineMicroFrontend({
  name,
  rootComponent: Root,
  css,
  scopeClass,
}: MicroFrontendOptions): MicroFrontendLifecycles {
  function AppRoot() {
    return (
      <ZhichengProvider>
        <div className={scopeClass} data-zhicheng-app={name}>
          <Root />
        </div>
      </ZhichengProvider>
    );
  }

  const lifecycles = singleSpaReact<CustomProps>({
    React,
    ReactDOMClient,
    rootComponent: AppRoot,
    errorBoundary: (error: Error) => {
      console.error(`[${name}] crashed`, error);
      return <Crashed />;
    },
  });

  let style: HTMLStyleElement | null = null;

  return {
    bootstrap: (props) => lifecycles.bootstrap(props),
    async mount(props) {
      if (css) {
        style = document.createElement('style');
        style.dataset.zhichengApp = name;
        style.textContent = css;
        document.head.appendChild(style);
      }
      return lifecycles.mount(props);
    },
    async unmount(props) {
      try {
        return await lifecycles.unmount(props);
      } finally {
        style?.remove();
        style = null;
      }
    },
  };
}
