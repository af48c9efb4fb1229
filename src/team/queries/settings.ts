/** Each workspace's Groundwork settings: one row per team, chosen by an admin in /groundwork settings. */
import type { Kysely } from 'kysely';
import type { WorkspaceSettings } from '../settings.js';
import type { DB, WorkspaceSettingsRow } from '../../db/schema.js';

export interface StoredSettings extends WorkspaceSettings {
  updatedBy: string | null;
  updatedAt: Date;
}

export async function findWorkspaceSettings(db: Kysely<DB>, teamId: string): Promise<StoredSettings | undefined> {
  const row = await db.selectFrom('workspace_settings').selectAll().where('team_id', '=', teamId).executeTakeFirst();
  return row && fromRow(row);
}

/** Stores every setting at once (the modal always submits all of them). */
export async function saveWorkspaceSettings(db: Kysely<DB>, teamId: string, settings: WorkspaceSettings, updatedBy: string): Promise<StoredSettings> {
  const values = {
    digest_channel_id: settings.digestChannelId,
    digest_day: settings.digestDay,
    digest_time: settings.digestTime,
    time_zone: settings.timeZone,
    staff_usergroup_ids: settings.staffUsergroupIds,
    leader_usergroup_ids: settings.leaderUsergroupIds,
    story_emoji: settings.storyEmoji,
    announcement_channel_id: settings.announcementChannelId,
    updated_by: updatedBy,
    updated_at: new Date(),
  };
  const row = await db
    .insertInto('workspace_settings')
    .values({ team_id: teamId, ...values })
    .onConflict((oc) => oc.column('team_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

function fromRow(row: WorkspaceSettingsRow): StoredSettings {
  return {
    digestChannelId: row.digest_channel_id,
    digestDay: row.digest_day,
    digestTime: row.digest_time,
    timeZone: row.time_zone,
    staffUsergroupIds: row.staff_usergroup_ids,
    leaderUsergroupIds: row.leader_usergroup_ids,
    storyEmoji: row.story_emoji,
    announcementChannelId: row.announcement_channel_id,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export interface ConfiguredUsergroups {
  teamId: string;
  usergroupIds: string[];
}

/** The staff and leader user groups of every workspace that chose any. */
export async function configuredUsergroups(db: Kysely<DB>): Promise<ConfiguredUsergroups[]> {
  const rows = await db
    .selectFrom('workspace_settings')
    .select(['team_id', 'staff_usergroup_ids', 'leader_usergroup_ids'])
    .orderBy('team_id')
    .execute();
  return rows.map((row) => ({ teamId: row.team_id, usergroupIds: [...new Set([...row.staff_usergroup_ids, ...row.leader_usergroup_ids])] }));
}
