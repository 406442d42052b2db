// Each section's chart (ECharts options), from the same rows the tables show.
import type { EChartsOption } from 'echarts';
import type { Section } from './sections';

const grid = { left: 8, right: 16, top: 32, bottom: 8, containLabel: true };

function bars(section: Section, horizontal = false): EChartsOption {
  const labels = section.rows.map((r) => String(r[0]));
  const values = section.rows.map((r) => Number(r[1]));
  const category = { type: 'category' as const, data: labels, axisLabel: { interval: 0, hideOverlap: true } };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis' },
    grid,
    xAxis: horizontal ? value : { ...category, axisLabel: { ...category.axisLabel, rotate: 30 } },
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: 'bar',
        name: section.columns[1],
        data: values,
        label: { show: true, position: horizontal ? 'right' : 'top' },
      },
    ],
  };
}

function pie(section: Section): EChartsOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        data: section.rows.map((r) => ({ name: String(r[0]), value: Number(r[1]) })),
        label: { formatter: '{b}: {c}' },
      },
    ],
  };
}

function line(section: Section): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    grid,
    xAxis: { type: 'category', data: section.rows.map((r) => String(r[0]).slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        name: section.columns[1],
        data: section.rows.map((r) => Number(r[1])),
        smooth: true,
        areaStyle: {},
      },
    ],
  };
}

/** Median and 90th percentile per level, side by side. */
function reviewTimes(section: Section): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { ...grid, top: 40 },
    xAxis: { type: 'category', data: section.rows.map((r) => String(r[0])) },
    yAxis: { type: 'value', name: 'h' },
    series: [2, 3].map((column) => ({
      type: 'bar' as const,
      name: section.columns[column],
      data: section.rows.map((r) => r[column]),
    })),
  };
}

/** Per committee, the outcomes stacked. */
function committees(section: Section): EChartsOption {
  const names = [...new Set(section.rows.map((r) => String(r[0])))];
  const outcomes = [...new Set(section.rows.map((r) => String(r[1])))];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { ...grid, top: 40 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names },
    series: outcomes.map((outcome) => ({
      type: 'bar' as const,
      stack: 'outcome',
      name: outcome,
      data: names.map((name) =>
        Number(section.rows.find((r) => r[0] === name && r[1] === outcome)?.[2] ?? 0),
      ),
    })),
  };
}

export function chartOf(section: Section): EChartsOption | null {
  switch (section.id) {
    case 'summary':
      return null;
    case 'channel':
    case 'level':
      return pie(section);
    case 'unit':
      return bars(section, true);
    case 'perDay':
      return line(section);
    case 'reviewTime':
      return reviewTimes(section);
    case 'committee':
      return committees(section);
    default:
      return bars(section);
  }
}

/** The chart's text label: its title and the first figures (the table has them all). */
export function chartLabel(section: Section, more: string): string {
  const shown = section.rows.slice(0, 8).map((r) => `${r[0]} ${r.slice(1).join(' / ')}`);
  return `${section.title}：${shown.join('，')}${section.rows.length > 8 ? more : ''}`;
}
