/**
 * Table types for Kysely. Each feature owns its tables; this file only gathers them into the
 * one `DB` type the Kysely instance is built with. Columns mirror the migrations exactly.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Counts, LogDraft } from '../logging/log-entry.js';
import type { Channel, Goal, TacticId, UnitId } from '../domain/tactics.js';
import type { GrantableRole } from '../team/roles.js';
import type { ClaimStatus, MinRole, OpportunityKind, OpportunityStatus, OutboxKind, OutboxStatus } from '../signups/signup-rules.js';

/** Where a recorded action came from: a command, the modal, a shift's report-back, a training's attendance. */
export type ActionSource = 'command' | 'modal' | 'shift' | 'training';

/** A timestamptz column: the database fills it, queries read a Date. */
type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** A Slack user as far as Groundwork needs to know them, cached from users.info. */
export interface PeopleTable {
  team_id: string;
  user_id: string;
  /** IANA zone from the person's Slack profile, e.g. "America/Chicago". */
  time_zone: string;
  /** Slack's workspace admin and owner flags; null until users.info was read after they were added. */
  is_admin: boolean | null;
  is_owner: boolean | null;
  refreshed_at: ColumnType<Date, Date | undefined, Date>;
}

/** One report of an action: one tactic, so one goal × channel cell. */
export interface ActionsTable {
  id: Generated<number>;
  team_id: string;
  user_id: string;
  tactic_id: TacticId;
  goal: Goal;
  channel: Channel;
  counts: ColumnType<Counts, string, string>;
  occurred_on: string;
  place: string | null;
  note: string | null;
  story: string | null;
  story_consent: boolean;
  source: ActionSource;
  /** What makes a retried or double-submitted report land once: the command's trigger_id or the modal's view id. */
  idempotency_key: string;
  created_at: CreatedAt;
}

/** Integer sums per unit, written only by the summaries trigger (migration 0004). */
type UnitSums = { [unit in UnitId]: ColumnType<number, never, never> };

/** A person's actions of one tactic in one Monday-week (of the day they happened), kept by a trigger on actions. */
export interface PersonWeekTotalsTable extends UnitSums {
  team_id: string;
  user_id: string;
  week_start: string;
  tactic_id: TacticId;
  goal: Goal;
  channel: Channel;
  actions: ColumnType<number, never, never>;
}

/** A person's actions of one tactic, all time, kept by the same trigger. */
export interface PersonTotalsTable extends UnitSums {
  team_id: string;
  user_id: string;
  tactic_id: TacticId;
  goal: Goal;
  channel: Channel;
  actions: ColumnType<number, never, never>;
}

/** A report held back because it repeats one made minutes before, until its author says whether to keep it. */
export interface HeldReportsTable {
  id: Generated<number>;
  team_id: string;
  user_id: string;
  idempotency_key: string;
  source: ActionsTable['source'];
  draft: ColumnType<LogDraft, string, string>;
  earlier_action_id: number | null;
  created_at: CreatedAt;
}

/** Someone who has opened the app's Home tab (migration 0003). */
export interface HomeTabsTable {
  team_id: string;
  user_id: string;
  first_opened_at: CreatedAt;
}

/** One row per workspace; every choice is null (or empty) until an admin sets it in /groundwork settings. */
export interface WorkspaceSettingsTable {
  team_id: string;
  digest_channel_id: string | null;
  /** 0 = Sunday … 6 = Saturday. */
  digest_day: number | null;
  /** "HH:MM" in the team's time zone. */
  digest_time: string | null;
  /** IANA zone, e.g. "America/Chicago". */
  time_zone: string | null;
  staff_usergroup_ids: ColumnType<string[], string[] | undefined, string[]>;
  leader_usergroup_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** Emoji name without colons, e.g. "star". */
  story_emoji: string | null;
  announcement_channel_id: string | null;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A role an admin gave one person with /groundwork grant. */
export interface RoleGrantsTable {
  team_id: string;
  user_id: string;
  role: GrantableRole;
  granted_by: string;
  granted_at: ColumnType<Date, Date | undefined, Date>;
}

/** Cached members of the Slack user groups chosen as staff or leaders. */
export interface UsergroupMembersTable {
  team_id: string;
  usergroup_id: string;
  user_id: string;
  refreshed_at: CreatedAt;
}

/** One claimed run of a scheduled job per period, so one instance of many does the work. */
export interface JobRunsTable {
  job: string;
  period: string;
  /** Set again when another instance takes the run over. */
  claimed_at: ColumnType<Date, Date | undefined, Date>;
  finished_at: Date | null;
  /** The claim's holder (a random token per attempt); another may take over once `lease_until` has passed (migration 0006). */
  owner: string | null;
  lease_until: Date | null;
  /** What the run already did, e.g. the message it posted, recorded before it finishes. */
  result: ColumnType<JobResult | null, string | null, string | null>;
}

/** A run's record of its own progress: small JSON, read back by whoever takes the run over. */
export type JobResult = Record<string, string | number | boolean | null>;

/** A team's actions and unit sums for one day and tactic, kept by a trigger on actions (migration 0006), in slices summed on read. */
export type TeamDayTotalsTable = {
  team_id: string;
  day: string;
  tactic_id: TacticId;
  slice: number;
  goal: Goal;
  channel: Channel;
  actions: number;
} & Record<UnitId, number>;

/** A message nominated as a success story by a reaction with the team's story emoji (migration 0006). */
export interface StoryNominationsTable {
  team_id: string;
  channel_id: string;
  message_ts: string;
  author_id: string;
  nominated_by: string;
  nominated_at: CreatedAt;
  status: ColumnType<'asked' | 'allowed' | 'declined', 'asked' | 'allowed' | 'declined' | undefined, 'asked' | 'allowed' | 'declined'>;
  decided_at: Date | null;
  /** What the author wrote, as Slack sent it; stored only once they allowed quoting. */
  text: string | null;
  permalink: string | null;
}

/** Anything people take a seat at: a phone-bank shift, a training (migration 0005). */
export interface SignupOpportunitiesTable {
  id: Generated<number>;
  team_id: string;
  kind: OpportunityKind;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  /** Seats held (claims seated or offered); only the signup engine's claim and leave statements change it. */
  filled: Generated<number>;
  min_role: MinRole;
  status: Generated<OpportunityStatus>;
  version: Generated<number>;
  announcement_channel_id: string | null;
  announcement_ts: string | null;
  announcement_closed: Generated<boolean>;
  created_by: string;
  idempotency_key: string;
  created_at: CreatedAt;
}

/** One person's claim on one opportunity: seated, offered a freed seat, waiting, or left. */
export interface SignupClaimsTable {
  id: Generated<number>;
  opportunity_id: number;
  team_id: string;
  user_id: string;
  status: ClaimStatus;
  waiting_since: Date | null;
  offer_expires_at: Date | null;
  removed_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  /** Null until staff mark attendance after the start; then whether they came (false: a no-show). */
  attended: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  attendance_marked_by: ColumnType<string | null, string | null | undefined, string | null>;
  attendance_marked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** A seat staff added while marking attendance, for someone who came without one (migration 0009). */
  walked_in: Generated<boolean>;
  /**
   * Reminders that come due after this moment are owed to this seat (migration 0014): when it became
   * seated, or when an edit last moved the start. Null owes nothing (never seated, or forgotten).
   */
  reminders_from: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A DM the signup engine owes someone, sent once by the signups job. */
export interface SignupOutboxTable {
  id: Generated<number>;
  team_id: string;
  opportunity_id: number;
  claim_id: number | null;
  user_id: string;
  kind: OutboxKind;
  dedupe_key: string;
  due_at: Date;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: Generated<OutboxStatus>;
  claimed_until: Date | null;
  attempts: Generated<number>;
  message_ts: string | null;
  finished_at: Date | null;
  note: string | null;
  created_at: CreatedAt;
}

/** What only a phone-bank shift has, beside its opportunity. */
export interface ShiftsTable {
  opportunity_id: number;
  title: string;
  target: string | null;
  location: string;
  script_url: string | null;
  /** A skill (tactic id) a person must have earned to claim a seat; null: anyone may (migration 0009). */
  required_skill: TacticId | null;
}

export type TrainingFormat = 'in_person' | 'webinar' | 'conference_call';

/** What only a training has, beside its opportunity (migration 0009). */
export interface TrainingsTable {
  opportunity_id: number;
  title: string;
  format: TrainingFormat;
  /** The tactic it prepares people for; attending earns it as a skill. */
  skill: TacticId;
  /** A place (in person) or a link (webinar, call). */
  location: string;
  description: string | null;
  /** No seat limit: the opportunity's capacity is then UNLIMITED_SEATS. */
  unlimited: boolean;
}

/** A skill (a tactic id) a person has earned, at a training or recorded by staff (migration 0008). */
export interface PersonSkillsTable {
  team_id: string;
  user_id: string;
  skill: TacticId;
  source: 'training' | 'staff';
  /** The training (a signup opportunity) it was earned at; null when recorded by hand. */
  training_id: number | null;
  recorded_by: string;
  earned_at: CreatedAt;
}

/** A person's offline and online action counts and first and last day acted, kept by a trigger on actions (migration 0010). */
export interface PersonActivityTable {
  team_id: string;
  user_id: string;
  offline_actions: ColumnType<number, never, never>;
  online_actions: ColumnType<number, never, never>;
  first_on: ColumnType<string | null, never, never>;
  last_on: ColumnType<string | null, never, never>;
}

/** Someone who said `/groundwork stop-invites` (migration 0010). */
export interface InvitationOptOutsTable {
  team_id: string;
  user_id: string;
  opted_out_at: CreatedAt;
}

/** A batch invitation from a segment to one signup opportunity (migration 0010). */
export interface InvitationsTable {
  id: Generated<number>;
  team_id: string;
  opportunity_id: number;
  segment: string;
  created_by: string;
  idempotency_key: string;
  created_at: CreatedAt;
}

export type InvitationRecipientStatus = 'pending' | 'sent' | 'skipped' | 'failed' | 'uncertain';

/** One person a batch invitation is owed to; sent at most once (migration 0010). */
export interface InvitationRecipientsTable {
  invitation_id: number;
  team_id: string;
  user_id: string;
  status: ColumnType<InvitationRecipientStatus, InvitationRecipientStatus | undefined, InvitationRecipientStatus>;
  claimed_until: Date | null;
  message_ts: string | null;
  finished_at: Date | null;
  note: string | null;
}

/** A person staff snoozed in the leader-spotting DM, until a day (migration 0010). */
export interface LeaderSnoozesTable {
  team_id: string;
  user_id: string;
  until: string;
  snoozed_by: string;
}

export type LeaderAsk = 'lead_training' | 'host';

/** A next ask staff took from the leader-spotting DM, once per person, ask and week (migration 0010). */
export interface LeaderAsksTable {
  team_id: string;
  user_id: string;
  ask: LeaderAsk;
  week: string;
  asked_by: string;
  asked_at: CreatedAt;
}

export interface DB {
  people: PeopleTable;
  actions: ActionsTable;
  person_week_totals: PersonWeekTotalsTable;
  person_totals: PersonTotalsTable;
  held_reports: HeldReportsTable;
  home_tabs: HomeTabsTable;
  workspace_settings: WorkspaceSettingsTable;
  role_grants: RoleGrantsTable;
  usergroup_members: UsergroupMembersTable;
  job_runs: JobRunsTable;
  signup_opportunities: SignupOpportunitiesTable;
  signup_claims: SignupClaimsTable;
  signup_outbox: SignupOutboxTable;
  shifts: ShiftsTable;
  team_day_totals: TeamDayTotalsTable;
  story_nominations: StoryNominationsTable;
  person_skills: PersonSkillsTable;
  trainings: TrainingsTable;
  person_activity: PersonActivityTable;
  invitation_opt_outs: InvitationOptOutsTable;
  invitations: InvitationsTable;
  invitation_recipients: InvitationRecipientsTable;
  leader_snoozes: LeaderSnoozesTable;
  leader_asks: LeaderAsksTable;
}

export type NewAction = Insertable<ActionsTable>;
export type WorkspaceSettingsRow = Selectable<WorkspaceSettingsTable>;
export type OpportunityRow = Selectable<SignupOpportunitiesTable>;
export type ClaimRow = Selectable<SignupClaimsTable>;
export type OutboxRow = Selectable<SignupOutboxTable>;
export type ShiftRow = Selectable<ShiftsTable>;
export type TrainingRow = Selectable<TrainingsTable>;
