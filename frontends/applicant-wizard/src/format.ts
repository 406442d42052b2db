import dayjs from 'dayjs';

/** "2026-03-01 09:30", or undefined for no value. */
export function formatTime(value: string | null | undefined): string | undefined {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : undefined;
}

/** "2026-03-01", or undefined for no value. */
export function formatDate(value: string | null | undefined): string | undefined {
  return value ? dayjs(value).format('YYYY-MM-DD') : undefined;
}
