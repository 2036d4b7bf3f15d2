import type { Duration } from './types';

/** Reads "12 months", "1 year", "26 weeks", "90 days"; undefined when the text is not a period. */
export function parseDuration(text: string): Duration | undefined {
  const match = /^\s*(\d+)\s*(day|week|month|year)s?\s*$/i.exec(text);
  if (!match) return undefined;
  return { amount: Number(match[1]), unit: match[2]!.toLowerCase() as Duration['unit'] };
}

/** Adds a period to a YYYY-MM-DD date (month ends clamp: 01-31 + 1 month = 02-28). */
export function addDuration(date: string, duration: Duration): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (duration.unit === 'day' || duration.unit === 'week') {
    const days = duration.amount * (duration.unit === 'week' ? 7 : 1);
    return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
  }
  const months = duration.amount * (duration.unit === 'year' ? 12 : 1);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function formatDuration(duration: Duration): string {
  return `${duration.amount} ${duration.unit}${duration.amount === 1 ? '' : 's'}`;
}
