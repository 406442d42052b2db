// The figures as tables: the charts' text alternative, and what CSV and XLSX export. One source,
// so the page, the export and the charts always say the same.
import type { DeclarationStatisticsQuery } from '../gql/graphql';

export type Figures = DeclarationStatisticsQuery['declarationStatistics'];
export type Cell = string | number | null;

export type SectionId =
  | 'summary'
  | 'status'
  | 'channel'
  | 'series'
  | 'level'
  | 'region'
  | 'unit'
  | 'perDay'
  | 'reviewTime'
  | 'committee';

export interface Section {
  id: SectionId;
  title: string;
  columns: string[];
  rows: Cell[][];
}

type T = (key: string, options?: Record<string, unknown>) => string;

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

export function sectionsOf(f: Figures, t: T, channelNames: ReadonlyMap<string, string>): Section[] {
  const count = t('statistics.columns.count');
  const counts = (
    id: SectionId,
    column: string,
    list: Figures['byStatus'],
    name?: (key: string) => string,
  ) => ({
    id,
    title: t(`statistics.sections.${id}`),
    columns: [column, count],
    rows: list.map((c) => [c.key && name ? name(c.key) : c.label, c.count]),
  });
  return [
    {
      id: 'summary',
      title: t('statistics.sections.summary'),
      columns: [t('statistics.columns.measure'), t('statistics.columns.value')],
      rows: [
        [t('statistics.summary.period'), `${f.from} ~ ${f.to}`],
        [t('statistics.summary.region'), f.regionName],
        [t('statistics.summary.total'), f.total],
        [t('statistics.summary.passed'), f.passed],
        [t('statistics.summary.passRate'), percent(f.passRate)],
        [t('statistics.summary.returned'), f.returned],
        [t('statistics.summary.returnRate'), percent(f.returnRate)],
        [t('statistics.summary.terminated'), f.terminated],
        [t('statistics.summary.terminateRate'), percent(f.terminateRate)],
      ],
    },
    counts('status', t('statistics.columns.status'), f.byStatus, (key) =>
      t(`statistics.status.${key}`, { defaultValue: key }),
    ),
    counts('channel', t('statistics.columns.channel'), f.byChannel, (key) => channelNames.get(key) ?? key),
    counts('series', t('statistics.columns.series'), f.bySeries),
    counts('level', t('statistics.columns.level'), f.byLevel),
    counts('region', t('statistics.columns.region'), f.byRegion),
    counts('unit', t('statistics.columns.unit'), f.byUnit),
    {
      id: 'perDay',
      title: t('statistics.sections.perDay'),
      columns: [t('statistics.columns.day'), count],
      rows: f.submissionsPerDay.map((d) => [d.day, d.count]),
    },
    {
      id: 'reviewTime',
      title: t('statistics.sections.reviewTime'),
      columns: [
        t('statistics.columns.reviewLevel'),
        t('statistics.columns.stays'),
        t('statistics.columns.median'),
        t('statistics.columns.p90'),
      ],
      rows: f.reviewTimes.map((r) => [
        t(`statistics.levels.${r.level}`, { defaultValue: r.label }),
        r.stays,
        r.medianHours ?? null,
        r.p90Hours ?? null,
      ]),
    },
    {
      id: 'committee',
      title: t('statistics.sections.committee'),
      columns: [t('statistics.columns.committee'), t('statistics.columns.outcome'), count],
      rows: f.committeeOutcomes.map((c) => [
        c.committeeName,
        t(`statistics.outcomes.${c.outcome}`, { defaultValue: c.label }),
        c.count,
      ]),
    },
  ];
}
