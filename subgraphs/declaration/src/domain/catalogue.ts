// The title catalogue as one tree, and the rules of its cascade: each choice must be a child of
// the choice above it, and changing a choice clears every choice below it.
import {
  TITLE_LEVELS,
  TITLE_SERIES,
  type SeriesDefinition,
  type TitleDefinition,
} from './data/title-catalogue';
import { deepFreeze } from './freeze';
import type { FieldProblem, TitleFilter, TitleSelection } from './types';

export const CatalogueLevel = {
  SERIES: 'SERIES',
  SPECIALTY: 'SPECIALTY',
  SCOPE: 'SCOPE',
  TITLE: 'TITLE',
  LEVEL: 'LEVEL',
} as const;
export type CatalogueLevel = (typeof CatalogueLevel)[keyof typeof CatalogueLevel];

/** Top down; index i's choice is stored in SELECTION_FIELDS[i]. */
export const CATALOGUE_LEVELS: readonly CatalogueLevel[] = ['SERIES', 'SPECIALTY', 'SCOPE', 'TITLE', 'LEVEL'];

export const SELECTION_FIELDS = {
  SERIES: 'seriesCode',
  SPECIALTY: 'specialtyCode',
  SCOPE: 'scopeCode',
  TITLE: 'titleCode',
  LEVEL: 'levelCode',
} as const satisfies Record<CatalogueLevel, keyof TitleSelection>;

/** The labels of the basic-info form (and of every message about them). */
export const CATALOGUE_LEVEL_LABELS: Readonly<Record<CatalogueLevel, string>> = {
  SERIES: '申报系列',
  SPECIALTY: '申报专业',
  SCOPE: '申报专业范围',
  TITLE: '申报职称名称',
  LEVEL: '申报职称级别',
};

export interface CatalogueNode {
  code: string;
  name: string;
  level: CatalogueLevel;
  children: CatalogueNode[];
}

function titleNode(title: TitleDefinition): CatalogueNode {
  return {
    code: title.code,
    name: title.name,
    level: 'TITLE',
    children: [{ code: title.level, name: TITLE_LEVELS[title.level], level: 'LEVEL', children: [] }],
  };
}

/** Expands the compact series definitions into the five-level tree. */
export function buildCatalogue(series: readonly SeriesDefinition[]): CatalogueNode[] {
  return series.map((s) => ({
    code: s.code,
    name: s.name,
    level: 'SERIES',
    children: s.specialties.map((sp) => {
      const titles = sp.titles ?? s.titles;
      if (!titles) throw new Error(`no titles for specialty ${sp.code}`);
      return {
        code: sp.code,
        name: sp.name,
        level: 'SPECIALTY',
        children: sp.scopes.map((sc) => ({
          code: sc.code,
          name: sc.name,
          level: 'SCOPE',
          children: titles.map(titleNode),
        })),
      };
    }),
  }));
}

export const TITLE_CATALOGUE: readonly CatalogueNode[] = deepFreeze(buildCatalogue(TITLE_SERIES));

/** The catalogue below one series (Query.titleCatalogue(seriesCode)), or all of it. */
export function catalogueFor(seriesCode?: string | null, catalogue = TITLE_CATALOGUE): CatalogueNode[] {
  return seriesCode ? catalogue.filter((s) => s.code === seriesCode) : [...catalogue];
}

/** The chosen nodes, top down, as far as each choice is a child of the one above. */
export function resolveSelection(
  selection: TitleSelection,
  catalogue: readonly CatalogueNode[] = TITLE_CATALOGUE,
): Partial<Record<CatalogueLevel, CatalogueNode>> {
  const found: Partial<Record<CatalogueLevel, CatalogueNode>> = {};
  let options: readonly CatalogueNode[] = catalogue;
  for (const level of CATALOGUE_LEVELS) {
    const code = selection[SELECTION_FIELDS[level]];
    const node = code ? options.find((n) => n.code === code) : undefined;
    if (!node) break;
    found[level] = node;
    options = node.children;
  }
  return found;
}

/** What the picker for `level` offers given the choices above it (empty if they are incomplete). */
export function catalogueOptions(
  selection: TitleSelection,
  level: CatalogueLevel,
  catalogue: readonly CatalogueNode[] = TITLE_CATALOGUE,
): CatalogueNode[] {
  const index = CATALOGUE_LEVELS.indexOf(level);
  if (index === 0) return [...catalogue];
  const parent = resolveSelection(selection, catalogue)[CATALOGUE_LEVELS[index - 1]];
  return parent ? [...parent.children] : [];
}

/**
 * The selection after the choice at `changedLevel` changed: every choice below it is cleared
 * (the seeds: 首先要清空、修改系列, 最后才能修改专业范围和职称名称). Other properties are kept.
 */
export function clearBelow<T extends TitleSelection>(selection: T, changedLevel: CatalogueLevel): T {
  const next = { ...selection };
  for (const level of CATALOGUE_LEVELS.slice(CATALOGUE_LEVELS.indexOf(changedLevel) + 1)) {
    next[SELECTION_FIELDS[level]] = null;
  }
  return next;
}

/** Names for display and for the DeclarationSubmitted event; null where nothing valid is chosen. */
export function selectionNames(
  selection: TitleSelection,
  catalogue: readonly CatalogueNode[] = TITLE_CATALOGUE,
): Record<'seriesName' | 'specialtyName' | 'scopeName' | 'titleName' | 'levelName', string | null> {
  const nodes = resolveSelection(selection, catalogue);
  return {
    seriesName: nodes.SERIES?.name ?? null,
    specialtyName: nodes.SPECIALTY?.name ?? null,
    scopeName: nodes.SCOPE?.name ?? null,
    titleName: nodes.TITLE?.name ?? null,
    levelName: nodes.LEVEL?.name ?? null,
  };
}

/**
 * Problems of a catalogue selection: a choice without the one above it, a code that is not a
 * child of its parent (e.g. a level not under the chosen title), missing choices when `complete`
 * is asked for, and choices outside the channel's filter. `prefix` leads every field path.
 */
export function selectionProblems(
  selection: TitleSelection,
  opts: { prefix: string; complete: boolean; filter?: TitleFilter; catalogue?: readonly CatalogueNode[] },
): FieldProblem[] {
  const catalogue = opts.catalogue ?? TITLE_CATALOGUE;
  const problems: FieldProblem[] = [];
  // The children of the last valid choice; undefined once a choice is missing.
  let options: readonly CatalogueNode[] | undefined = catalogue;
  let firstMissing: CatalogueLevel | undefined;
  for (const [index, level] of CATALOGUE_LEVELS.entries()) {
    const fieldName = SELECTION_FIELDS[level];
    const field = `${opts.prefix}${fieldName}`;
    const label = CATALOGUE_LEVEL_LABELS[level];
    const code = selection[fieldName];
    if (!code) {
      if (opts.complete) problems.push({ field, code: 'REQUIRED', message: `请选择${label}` });
      firstMissing ??= level;
      options = undefined;
      continue;
    }
    if (!options) {
      if (!opts.complete && firstMissing) {
        const missingLabel = CATALOGUE_LEVEL_LABELS[firstMissing];
        problems.push({ field, code: 'CATALOGUE_PARENT_MISSING', message: `请先选择${missingLabel}` });
      }
      continue;
    }
    const node: CatalogueNode | undefined = options.find((n) => n.code === code);
    if (!node) {
      const parentLabel = index > 0 ? CATALOGUE_LEVEL_LABELS[CATALOGUE_LEVELS[index - 1]] : undefined;
      problems.push(
        parentLabel
          ? { field, code: 'CATALOGUE_NOT_CHILD', message: `${label}不属于所选${parentLabel}，请重新选择` }
          : { field, code: 'CATALOGUE_UNKNOWN', message: `${label}不存在，请重新选择` },
      );
      // Nothing below a wrong choice can be judged: report the first break only.
      break;
    }
    options = node.children;
  }
  if (problems.length === 0 && opts.filter)
    problems.push(...filterProblems(selection, opts.prefix, opts.filter, catalogue));
  return problems;
}

function filterProblems(
  selection: TitleSelection,
  prefix: string,
  filter: TitleFilter,
  catalogue: readonly CatalogueNode[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (level: CatalogueLevel, allowed: string[] | undefined) => {
    const code = selection[SELECTION_FIELDS[level]];
    if (!allowed || !code || allowed.includes(code)) return;
    const names = allowed.map((c) => nameOfCode(c, level, catalogue) ?? c).join('、');
    problems.push({
      field: `${prefix}${SELECTION_FIELDS[level]}`,
      code: 'CATALOGUE_NOT_IN_CHANNEL',
      message: `本通道${CATALOGUE_LEVEL_LABELS[level]}只能选择${names}`,
    });
  };
  check('SERIES', filter.seriesCodes);
  check('SPECIALTY', filter.specialtyCodes);
  check('LEVEL', filter.levelCodes);
  return problems;
}

/** Every node, depth first, with the codes of its ancestors. */
export function* walkCatalogue(
  catalogue: readonly CatalogueNode[] = TITLE_CATALOGUE,
  ancestors: readonly CatalogueNode[] = [],
): Generator<{ node: CatalogueNode; ancestors: readonly CatalogueNode[] }> {
  for (const node of catalogue) {
    yield { node, ancestors };
    yield* walkCatalogue(node.children, [...ancestors, node]);
  }
}

/** Every complete selection (one per level leaf). */
export function catalogueLeafSelections(
  catalogue: readonly CatalogueNode[] = TITLE_CATALOGUE,
): TitleSelection[] {
  const out: TitleSelection[] = [];
  for (const { node, ancestors } of walkCatalogue(catalogue)) {
    if (node.children.length > 0) continue;
    const selection: TitleSelection = {};
    for (const n of [...ancestors, node]) selection[SELECTION_FIELDS[n.level]] = n.code;
    out.push(selection);
  }
  return out;
}

function nameOfCode(
  code: string,
  level: CatalogueLevel,
  catalogue: readonly CatalogueNode[],
): string | undefined {
  for (const { node } of walkCatalogue(catalogue))
    if (node.level === level && node.code === code) return node.name;
  return undefined;
}
