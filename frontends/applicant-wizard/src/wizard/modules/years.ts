import dayjs from 'dayjs';

/** Whole years and months from a date until today ("1年2个月" in the seeds), or null. */
export function yearsAndMonthsSince(
  date: string | null | undefined,
  today = dayjs(),
): { years: number; months: number } | null {
  if (!date) return null;
  const start = dayjs(date);
  if (!start.isValid() || start.isAfter(today)) return null;
  const total = today.diff(start, 'month');
  return { years: Math.floor(total / 12), months: total % 12 };
}
