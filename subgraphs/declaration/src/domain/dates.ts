// Calendar arithmetic on ISO dates and the values the wizard computes from them (取得资格年限,
// 聘任年限, 距申报截止剩余). China has one time zone without daylight saving: UTC+8.
import type { IsoDate } from './types';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's date in China for an instant (what "not in the future" is judged against). */
export function chinaDate(now: Date): IsoDate {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A real calendar date written `YYYY-MM-DD` (2023-02-29 is not one). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parts(date: IsoDate): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year, month, day];
}

/** Whole months from `from` to `to` (a month counts once its day of month is reached). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** Completed years since `date` (取得资格年限, 聘任年限 in whole years); 0 for a future date. */
export function yearsSince(date: IsoDate, today: IsoDate): number {
  return Math.floor(monthsBetween(date, today) / 12);
}

/** Completed years and months since `date`, as the form shows them. */
export function elapsedSince(date: IsoDate, today: IsoDate): { years: number; months: number } {
  const months = monthsBetween(date, today);
  return { years: Math.floor(months / 12), months: months % 12 };
}

/** "1年2个月", the seeds' 取得资格年限 text. */
export function elapsedText(date: IsoDate, today: IsoDate): string {
  const { years, months } = elapsedSince(date, today);
  return `${years}年${months}个月`;
}

/**
 * 距申报截止剩余 N天: started days until the window closes, so the last open hours still show
 * 1天; 0 once it has closed.
 */
export function daysLeft(closesAt: Date, now: Date): number {
  const remaining = closesAt.getTime() - now.getTime();
  return remaining <= 0 ? 0 : Math.ceil(remaining / DAY_MS);
}

/** Whether `now` lies in the declaration window [opensAt, closesAt). */
export function isWindowOpen(window: { opensAt: Date; closesAt: Date }, now: Date): boolean {
  return now.getTime() >= window.opensAt.getTime() && now.getTime() < window.closesAt.getTime();
}

export function yearOf(date: IsoDate): number {
  return parts(date)[0];
}

/**
 * 申报编号, printed on the receipt and quoted on the phone: ZC, the day the declaration was
 * started (China) and the first 8 characters of its id. Derived, so it never changes, also not
 * when a returned declaration is submitted again.
 */
export function caseNumberOf(declaration: { id: string; createdAt: Date }): string {
  return `ZC${chinaDate(declaration.createdAt).replaceAll('-', '')}-${declaration.id.slice(0, 8).toUpperCase()}`;
}
