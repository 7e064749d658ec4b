// Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC: day numbers, ISO weeks, months and their names.
// Shared by the calendar rules (promo-ratio, cadence) and `medpost stats`.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return isoDateOfDay(dayNumber(isoDate) + days);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Monday … 6 = Sunday */
export function weekdayIndex(isoDate: string): number {
  return (new Date(dayNumber(isoDate) * DAY_MS).getUTCDay() + 6) % 7;
}

/** The Monday of the date's week (weeks run Monday to Sunday, as ISO 8601). */
export function weekStart(isoDate: string): string {
  return addDays(isoDate, -weekdayIndex(isoDate));
}

/** '2026-03' */
export function monthKey(isoDate: string): string {
  return isoDate.slice(0, 7);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-03' -> 'March 2026' */
export function monthLabel(key: string): string {
  const [year, month] = key.split('-').map(Number);
  return `${MONTH_NAMES[month - 1] ?? key} ${year}`;
}

/** '2026-03' -> 'Mar' */
export function shortMonthLabel(key: string): string {
  return (MONTH_NAMES[Number(key.slice(5, 7)) - 1] ?? key).slice(0, 3);
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
