/**
 * Where Groundwork keeps anything about a person, table by table: the columns that name them, and what
 * forgetting them does to that table. `/groundwork my-data` sends every row these columns find;
 * `/groundwork forget-me` (and a deleted Slack account) applies the handling. Every table in the
 * database is either listed here or in NO_PERSONAL_DATA, and test/privacy/forget-me.test.ts reads the
 * database's own list of tables, so a table added later fails that test until it is placed in one.
 *
 * Forgetting keeps the team's history adding up: a person's actions stay, under an anonymous id with
 * their notes, places and stories removed, so the team's totals, each week's count of people who acted
 * and each shift's turnout are what they were. The anonymous id is new for every forgotten person and
 * is stored nowhere next to their Slack id, so it leads back to no one.
 */

/** The prefix of the anonymous id a forgotten person's actions and past seats are kept under. */
export const FORGOTTEN_ID_PREFIX = 'forgotten:';

export function isForgottenId(userId: string): boolean {
  return userId.startsWith(FORGOTTEN_ID_PREFIX);
}

export type Handling =
  /** Rows about the person are deleted. */
  | 'delete'
  /** Rows stay for the team's totals; the person's id becomes the anonymous one and free text is removed. */
  | 'anonymize'
  /** The person appears only as who did something to someone else's row: that column is cleared or anonymized. */
  | 'clear actor';

export interface PersonalDataTable {
  /** Columns holding a Slack user id: who the row is about, or who did it. */
  columns: readonly string[];
  handling: Handling;
  what: string;
}

export const PERSONAL_DATA_TABLES = {
  people: { columns: ['user_id'], handling: 'delete', what: 'the profile cached from Slack (time zone, admin flags)' },
  actions: { columns: ['user_id'], handling: 'anonymize', what: 'logged actions; kept anonymous without note, place or story' },
  person_week_totals: { columns: ['user_id'], handling: 'anonymize', what: 'weekly summaries of actions, moved with them' },
  person_totals: { columns: ['user_id'], handling: 'anonymize', what: 'all-time summaries of actions, moved with them' },
  person_activity: { columns: ['user_id'], handling: 'anonymize', what: 'offline and online counts and first and last day, moved with the actions' },
  held_reports: { columns: ['user_id'], handling: 'delete', what: 'reports held back as likely repeats' },
  home_tabs: { columns: ['user_id'], handling: 'delete', what: 'that the Home tab was opened' },
  workspace_settings: { columns: ['updated_by'], handling: 'clear actor', what: 'who last changed the settings' },
  role_grants: { columns: ['user_id', 'granted_by'], handling: 'delete', what: 'roles given to the person (and the giver of others\' roles, anonymized)' },
  usergroup_members: { columns: ['user_id'], handling: 'delete', what: 'cached membership of the staff and leader user groups' },
  signup_opportunities: { columns: ['created_by'], handling: 'clear actor', what: 'who scheduled a shift or training' },
  // reminders_from (from when a seat is owed reminders) names nobody; forgetting clears it, so an anonymous past seat is owed no report-back ask.
  signup_claims: { columns: ['user_id', 'removed_by', 'attendance_marked_by'], handling: 'anonymize', what: 'seats: upcoming ones are given up, past ones kept anonymous for turnout' },
  signup_outbox: { columns: ['user_id'], handling: 'delete', what: 'reminders and notices owed or sent' },
  story_nominations: { columns: ['author_id', 'nominated_by'], handling: 'delete', what: 'messages nominated as stories (and nominations made, anonymized)' },
  person_skills: { columns: ['user_id', 'recorded_by'], handling: 'delete', what: 'skills earned (and skills recorded for others, anonymized)' },
  invitation_opt_outs: { columns: ['user_id'], handling: 'delete', what: 'stop-invites' },
  invitations: { columns: ['created_by'], handling: 'clear actor', what: 'who sent a batch invitation' },
  invitation_recipients: { columns: ['user_id'], handling: 'anonymize', what: 'invitations received; kept anonymous for conversion counts' },
  leader_snoozes: { columns: ['user_id', 'snoozed_by'], handling: 'delete', what: 'leader-spotting snoozes' },
  leader_asks: { columns: ['user_id', 'asked_by'], handling: 'delete', what: 'asks to lead a training or host, from the leader-spotting DM' },
} as const satisfies Record<string, PersonalDataTable>;

export type PersonalDataTableName = keyof typeof PERSONAL_DATA_TABLES;

/** Tables that hold nothing about any one person, and why. */
export const NO_PERSONAL_DATA: Readonly<Record<string, string>> = {
  job_runs: 'which scheduled run happened, and the message it posted to a channel',
  shifts: "a shift's title, target, place and script, as staff wrote them",
  trainings: "a training's title, format, skill, place and description, as staff wrote them",
  team_day_totals: "the team's anonymous totals per day and tactic",
  kysely_migration: 'which migrations ran',
  kysely_migration_lock: "the migrator's lock",
};
