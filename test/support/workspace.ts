/**
 * A Slack workspace as the role and settings tests need it: who is a workspace admin, which user
 * groups exist with which members, which channels the app was invited to; plus the state a
 * filled-in settings modal submits.
 */
import { sql, type Kysely } from 'kysely';
import { FAKE_TEAM_ID, type FakeSlack } from './fake-slack.js';
import type { StateValues } from './payloads.js';

export interface WorkspaceFixture {
  /** Workspace admins (users.info is_admin); everyone else is a plain member. */
  admins?: string[];
  owners?: string[];
  /** User groups by id. */
  usergroups?: Record<string, { handle: string; name?: string; members: string[] }>;
  /** Channels the app was not invited to (is_member false), archived, or cannot see at all. */
  notMemberOf?: string[];
  archived?: string[];
  invisible?: string[];
}

/** Points the fake Web API's users.info, usergroups.* and conversations.info at `fixture`. */
export function useWorkspace(slack: FakeSlack, fixture: WorkspaceFixture): void {
  const groups = fixture.usergroups ?? {};
  slack.on('users.info', (args) => ({
    ok: true,
    user: {
      id: args.user,
      team_id: FAKE_TEAM_ID,
      name: String(args.user).toLowerCase(),
      tz: 'America/Chicago',
      is_admin: (fixture.admins ?? []).includes(String(args.user)) || (fixture.owners ?? []).includes(String(args.user)),
      is_owner: (fixture.owners ?? []).includes(String(args.user)),
    },
  }));
  slack.on('usergroups.list', () => ({
    ok: true,
    usergroups: Object.entries(groups).map(([id, group]) => ({ id, team_id: FAKE_TEAM_ID, handle: group.handle, name: group.name ?? group.handle, date_delete: 0, user_count: group.members.length })),
  }));
  slack.on('usergroups.users.list', (args) => {
    const group = groups[String(args.usergroup)];
    return group ? { ok: true, users: group.members } : { ok: false, error: 'no_such_subteam' };
  });
  slack.on('conversations.info', (args) => {
    const id = String(args.channel);
    if ((fixture.invisible ?? []).includes(id)) return { ok: false, error: 'channel_not_found' };
    return {
      ok: true,
      channel: { id, name: id.toLowerCase(), is_channel: true, is_archived: (fixture.archived ?? []).includes(id), is_member: !(fixture.notMemberOf ?? []).includes(id) },
    };
  });
}

export interface SettingsInput {
  digestChannel?: string | null;
  day?: string | null;
  time?: string | null;
  timeZone?: string;
  /** Undefined leaves the picker out of the state, as when the modal had no group pickers. */
  staff?: string[] | undefined;
  leaders?: string[] | undefined;
  emoji?: string;
  announcementChannel?: string | null;
}

const DEFAULT_INPUT = {
  digestChannel: 'C0DIGEST',
  day: '1',
  time: '09:00',
  timeZone: 'America/Chicago',
  staff: ['S0STAFF'],
  leaders: ['S0LEADS'],
  emoji: ':star:',
  announcementChannel: 'C0ANNOUNCE',
} satisfies SettingsInput;

/** The state a filled-in settings modal submits (defaults: a complete, valid form). */
export function settingsState(overrides: SettingsInput = {}): StateValues {
  const input = { ...DEFAULT_INPUT, ...overrides };
  const option = (value: string) => ({ value, text: { type: 'plain_text', text: value } });
  const values: StateValues = {
    digest_channel: { value: { type: 'conversations_select', selected_conversation: input.digestChannel } },
    digest_day: { value: { type: 'static_select', selected_option: input.day === null ? null : option(input.day) } },
    digest_time: { value: { type: 'timepicker', selected_time: input.time } },
    time_zone: { value: { type: 'plain_text_input', value: input.timeZone } },
    story_emoji: { value: { type: 'plain_text_input', value: input.emoji } },
    announcement_channel: { value: { type: 'conversations_select', selected_conversation: input.announcementChannel } },
  };
  const staff = 'staff' in overrides ? overrides.staff : DEFAULT_INPUT.staff;
  const leaders = 'leaders' in overrides ? overrides.leaders : DEFAULT_INPUT.leaders;
  if (staff) values.staff_groups = { value: { type: 'multi_static_select', selected_options: staff.map(option) } };
  if (leaders) values.leader_groups = { value: { type: 'multi_static_select', selected_options: leaders.map(option) } };
  return values;
}

/** Every row of every table, to prove a refused request wrote nothing. */
export async function snapshotTables(db: Kysely<any>): Promise<Record<string, unknown[]>> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by tablename`.execute(db);
  const snapshot: Record<string, unknown[]> = {};
  for (const { tablename } of rows) {
    snapshot[tablename] = (await sql.raw(`select * from "${tablename}" order by 1, 2`).execute(db)).rows;
  }
  return snapshot;
}
