// The title catalogue's cascade (申报系列 → 申报专业 → 申报专业范围 → 申报职称名称 → 申报职称级别)
// as pure functions: options at each level for the choices above, and what to clear when a choice changes.

export interface CatalogueNodeLike {
  code: string;
  name: string;
  children?: readonly CatalogueNodeLike[] | null;
}

export const SELECTION_FIELDS = [
  'seriesCode',
  'specialtyCode',
  'scopeCode',
  'titleCode',
  'levelCode',
] as const;
export type SelectionField = (typeof SELECTION_FIELDS)[number];
export type Selection = Partial<Record<SelectionField, string | null | undefined>>;

/** The nodes to choose from at `field`, given the choices above it (empty when a parent is missing). */
export function optionsAt(
  tree: readonly CatalogueNodeLike[],
  selection: Selection,
  field: SelectionField,
): readonly CatalogueNodeLike[] {
  let nodes: readonly CatalogueNodeLike[] = tree;
  for (const above of SELECTION_FIELDS.slice(0, SELECTION_FIELDS.indexOf(field))) {
    const chosen = nodes.find((node) => node.code === selection[above]);
    if (!chosen) return [];
    nodes = chosen.children ?? [];
  }
  return nodes;
}

/** The node chosen at `field`, if the choice is valid under the choices above it. */
export function chosenAt(
  tree: readonly CatalogueNodeLike[],
  selection: Selection,
  field: SelectionField,
): CatalogueNodeLike | undefined {
  return optionsAt(tree, selection, field).find((node) => node.code === selection[field]);
}

/**
 * Changing a choice clears every choice below it (the seeds' "首先要清空、修改系列"); a title with
 * exactly one level gets that level at once. Returns the fields to set.
 */
export function cascadeChange(
  tree: readonly CatalogueNodeLike[],
  selection: Selection,
  field: SelectionField,
  value: string | null | undefined,
): Selection {
  const next: Selection = { ...selection, [field]: value ?? null };
  for (const below of SELECTION_FIELDS.slice(SELECTION_FIELDS.indexOf(field) + 1)) next[below] = null;
  if (field === 'titleCode' && value) {
    const levels = optionsAt(tree, next, 'levelCode');
    if (levels.length === 1) next.levelCode = levels[0].code;
  }
  return next;
}

/** Every node of one depth (0 = series … 4 = level), without duplicate codes. */
export function nodesAtDepth(tree: readonly CatalogueNodeLike[], depth: number): CatalogueNodeLike[] {
  let nodes: readonly CatalogueNodeLike[] = tree;
  for (let d = 0; d < depth; d += 1) nodes = nodes.flatMap((node) => node.children ?? []);
  const seen = new Map<string, CatalogueNodeLike>();
  for (const node of nodes) if (!seen.has(node.code)) seen.set(node.code, node);
  return [...seen.values()];
}
