/** A segment as CSV: one row per person with their Slack id, name, rung and counts per goal and channel. Pure. */
import { CHANNELS, GOALS } from '../domain/tactics.js';
import type { RungId } from './ladder.js';

export interface SegmentRow {
  userId: string;
  name: string | undefined;
  rung: RungId;
  /** Actions per `${goal}_${channel}`. */
  cells: Readonly<Record<string, number>>;
}

const CELLS = GOALS.flatMap((goal) => CHANNELS.map((channel) => `${goal}_${channel}`));
export const CSV_HEADER = ['slack_id', 'name', 'rung', ...CELLS, 'offline_total', 'online_total'];

/**
 * One field: quoted when it holds a comma, quote or line break; a name starting like a formula
 * (= + - @) gets a leading apostrophe, so a spreadsheet shows it rather than running it.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function segmentCsv(rows: readonly SegmentRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const row of rows) {
    const cells = CELLS.map((cell) => row.cells[cell] ?? 0);
    const total = (channel: string) => CELLS.filter((cell) => cell.endsWith(`_${channel}`)).reduce((sum, cell) => sum + (row.cells[cell] ?? 0), 0);
    lines.push([row.userId, row.name ?? '', row.rung, ...cells, total('offline'), total('online')].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
