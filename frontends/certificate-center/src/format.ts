// Dates as printed on certificates: the day in China time (YYYY-MM-DD).
const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** An ISO date-time (or a YYYY-MM-DD day, returned as it is) as the day in China time. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '-';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : DAY.format(date);
}
