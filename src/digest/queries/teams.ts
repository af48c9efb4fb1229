/** The teams that get a digest: those whose admins chose a digest channel. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { SETTINGS_DEFAULTS } from '../../team/settings.js';
import type { DigestSchedule } from '../schedule.js';

export interface DigestTeam {
  teamId: string;
  channelId: string;
  schedule: DigestSchedule;
}

/** The team's zone when none was saved: the settings form always asks for one, so this is a last resort. */
const FALLBACK_TIME_ZONE = 'UTC';

export async function digestTeams(db: Kysely<DB>, teamId?: string): Promise<DigestTeam[]> {
  let query = db
    .selectFrom('workspace_settings')
    .select(['team_id', 'digest_channel_id', 'digest_day', 'digest_time', 'time_zone'])
    .where('digest_channel_id', 'is not', null)
    .orderBy('team_id');
  if (teamId !== undefined) query = query.where('team_id', '=', teamId);
  const rows = await query.execute();
  return rows.map((row) => ({
    teamId: row.team_id,
    channelId: row.digest_channel_id ?? '',
    schedule: {
      day: row.digest_day ?? SETTINGS_DEFAULTS.digestDay,
      time: row.digest_time ?? SETTINGS_DEFAULTS.digestTime,
      timeZone: row.time_zone ?? FALLBACK_TIME_ZONE,
    },
  }));
}
