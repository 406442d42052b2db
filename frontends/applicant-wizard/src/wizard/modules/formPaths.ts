// Pure helpers for antd form values.

/** The field paths of an onValuesChange `changed` object: { basicInfo: { name } } -> [['basicInfo','name']]. */
export function changedPaths(changed: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (changed === null || typeof changed !== 'object' || Array.isArray(changed)) return [prefix];
  return Object.entries(changed as Record<string, unknown>).flatMap(([key, value]) =>
    changedPaths(value, [...prefix, key]),
  );
}
