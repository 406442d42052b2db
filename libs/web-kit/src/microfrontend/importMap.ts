// The import map cannot change after the page has loaded (browsers ignore later edits), so it is
// read once.
let cached: Readonly<Record<string, string>> | null = null;

/** The page's import map (written by the gateway from the deployed manifests). */
export function readImportMap(): Readonly<Record<string, string>> {
  if (cached) return cached;
  const script = document.querySelector('script[type="importmap"]');
  let imports: Record<string, string> = {};
  try {
    const parsed: unknown = JSON.parse(script?.textContent ?? '{}');
    const value = (parsed as { imports?: unknown }).imports;
    if (typeof value === 'object' && value !== null) imports = value as Record<string, string>;
  } catch {
    // no (valid) import map: nothing is deployed besides what loaded this code
  }
  cached = Object.freeze(imports);
  return cached;
}

/** True when a module (e.g. "@zhicheng/unit-audit") is deployed, i.e. has an import-map entry. */
export function isDeployed(moduleName: string): boolean {
  return typeof readImportMap()[moduleName] === 'string';
}
