// Notice windows are in Asia/Shanghai time (UTC+8 all year, no daylight saving), whatever the
// browser's own time zone: a bureau in 长春 and one on a trip abroad type the same 09:00.
// The pickers work on the browser's wall clock, so values are shifted to and from it here.
import dayjs, { type Dayjs } from 'dayjs';

const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const MINUTE = 60_000;

/** The browser-local Dayjs whose wall clock reads what a clock in Shanghai reads at `iso`. */
export function toShanghaiWall(iso: string | Date): Dayjs {
  const at = new Date(iso).getTime();
  const local = new Date(at);
  return dayjs(at + (SHANGHAI_OFFSET_MINUTES + local.getTimezoneOffset()) * MINUTE);
}

/** The instant at which a clock in Shanghai reads the picker's wall clock `wall`. */
export function fromShanghaiWall(wall: Dayjs): string {
  const local = wall.toDate();
  return new Date(
    local.getTime() - (SHANGHAI_OFFSET_MINUTES + local.getTimezoneOffset()) * MINUTE,
  ).toISOString();
}

/** An instant as Shanghai reads it, e.g. 2026-12-02 09:00. */
export const formatShanghai = (iso: string) => toShanghaiWall(iso).format('YYYY-MM-DD HH:mm');
