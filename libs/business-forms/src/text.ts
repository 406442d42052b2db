import type { IsoDate } from './types';

const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

/** 2026-03-01 → 2026年3月1日 (2026-03 → 2026年3月); anything else as given; empty → ''. */
export function dateText(value?: IsoDate | null): string {
  if (!value) return '';
  const match = DATE.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  return day ? `${year}年${Number(month)}月${Number(day)}日` : `${year}年${Number(month)}月`;
}

/** 出生年月 and similar: year and month only. */
export function monthText(value?: IsoDate | null): string {
  if (!value) return '';
  const match = DATE.exec(value);
  return match ? `${match[1]}年${Number(match[2])}月` : value;
}

/** 2019年9月—2023年6月; an open end is 至今. */
export function periodText(start?: IsoDate | null, end?: IsoDate | null): string {
  if (!start && !end) return '';
  return `${monthText(start)}—${end ? monthText(end) : '至今'}`;
}

/** Shortens a long text to fit its cell, saying so. */
export function excerpt(text: string | null | undefined, max: number): string {
  const clean = (text ?? '').replace(/\r\n?/g, '\n').trim();
  if ([...clean].length <= max) return clean;
  return `${[...clean].slice(0, max).join('')}……（节选，全文见申报材料）`;
}

export const orBlank = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** 生成时间：2026年3月1日 08:00 in China time, whatever the server's zone. */
export function generatedText(at: Date): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}年${get('month')}月${get('day')}日 ${get('hour')}:${get('minute')}`;
}
