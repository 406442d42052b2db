// Where micro-frontends render. The element lives outside React's tree: the layout only moves it
// in and out of the page, so an app's React root never sits inside DOM that the shell's React owns
// and re-renders, and single-spa may mount an app before the layout has rendered.
const outlet = document.createElement('div');
outlet.className = 'zc-shell-outlet';

/** The per-app container inside the outlet (one React root each). */
export function appContainer(name: string): HTMLElement {
  const id = `single-spa-application:${name}`;
  let container =
    document.getElementById(id) ?? outlet.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
  if (!container) {
    container = document.createElement('div');
    container.id = id;
    outlet.appendChild(container);
  }
  return container;
}

/** A React ref callback: puts the outlet into the page while the host element exists. */
export function attachOutlet(host: HTMLDivElement | null): (() => void) | undefined {
  if (!host) return undefined;
  host.appendChild(outlet);
  return () => outlet.remove();
}
