/**
 * A segment exported to the staff member's DM as a CSV file: members, their rung this week, their
 * counts per goal and channel, and display names for the first NAMES_LOOKED_UP (users.info is asked
 * once per person, so a segment of thousands would take minutes; the rest have their Slack id).
 */
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { weekStart, type IsoDate } from '../domain/dates.js';
import { displayNames } from '../digest/post-digest.js';
import { sendFileToDm } from '../slack/send-file-privately.js';
import { NO_FACTS, rungOf } from './ladder.js';
import { ladderFacts } from './queries/ladder.js';
import { countsPerCell, segmentMembers } from './queries/segments.js';
import { segmentCsv } from './segment-csv.js';
import { segmentDefinition, type SegmentId } from './segments.js';

export const NAMES_LOOKED_UP = 300;

export interface ExportRequest {
  teamId: string;
  staffId: string;
  segment: SegmentId;
  today: IsoDate;
  timeZone: string;
}

export async function segmentCsvOf(db: Kysely<DB>, client: WebClient, request: ExportRequest): Promise<{ csv: string; people: number }> {
  const { teamId, segment, today, timeZone } = request;
  const members = await segmentMembers(db, teamId, segment, today);
  const [cells, facts, names] = await Promise.all([
    countsPerCell(db, teamId, members),
    ladderFacts(db, { teamId, week: weekStart(today), timeZone, userIds: members }),
    displayNames(client, members.slice(0, NAMES_LOOKED_UP)),
  ]);
  const rows = members.map((userId) => ({ userId, name: names.get(userId), rung: rungOf(facts.get(userId) ?? NO_FACTS).id, cells: cells.get(userId) ?? {} }));
  return { csv: segmentCsv(rows), people: members.length };
}

export async function exportSegment(db: Kysely<DB>, client: WebClient, request: ExportRequest): Promise<number> {
  const { csv, people } = await segmentCsvOf(db, client, request);
  const { label } = segmentDefinition(request.segment);
  const names = people > NAMES_LOOKED_UP ? ` Names are filled in for the first ${NAMES_LOOKED_UP}; the rest have their Slack id.` : '';
  await sendFileToDm(client, request.staffId, {
    content: csv,
    filename: `segment-${request.segment.replace(':', '-')}-${request.today}.csv`,
    title: `Segment: ${label}`,
    comment: `*${label}*: ${people} ${people === 1 ? 'person' : 'people'}, with rung and actions per goal and channel.${names}`,
  });
  return people;
}
