/**
 * A workspace's Groundwork settings and the rules for each value. Pure: the modal reads raw
 * input, these functions say what it means or what is wrong with it.
 */

export interface WorkspaceSettings {
  /** Where the weekly digest is posted; no digest until one is chosen. */
  digestChannelId: string | null;
  /** 0 = Sunday … 6 = Saturday. */
  digestDay: number | null;
  /** "HH:MM", a wall-clock time in `timeZone`. */
  digestTime: string | null;
  /** IANA zone the team's weeks, digest and schedules run in. */
  timeZone: string | null;
  /** Slack user groups whose members are staff. */
  staffUsergroupIds: string[];
  /** Slack user groups whose members are leaders. */
  leaderUsergroupIds: string[];
  /** Reacting with this emoji (a name such as "star") nominates a message as a success story. */
  storyEmoji: string | null;
  /** Where new shifts and trainings are announced. */
  announcementChannelId: string | null;
}

export const EMPTY_SETTINGS: WorkspaceSettings = {
  digestChannelId: null,
  digestDay: null,
  digestTime: null,
  timeZone: null,
  staffUsergroupIds: [],
  leaderUsergroupIds: [],
  storyEmoji: null,
  announcementChannelId: null,
};

/** What the form offers before anything was chosen: a Monday-morning digest and a star for stories. */
export const SETTINGS_DEFAULTS = { digestDay: 1, digestTime: '09:00', storyEmoji: 'star' } as const;

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** Organizing weeks run Monday to Sunday, so pickers list days in that order. */
export const WEEKDAYS_FROM_MONDAY = [1, 2, 3, 4, 5, 6, 0] as const;

export function isWeekday(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 6;
}

/**
 * The IANA name for what someone typed ("america/chicago" → "America/Chicago", "us/eastern" →
 * "America/New_York"), or null. A correctly spelled name is kept as typed even where this runtime's
 * ICU prefers an older alias ("Asia/Kolkata", not "Asia/Calcutta"), since Slack profiles use the new
 * names. Only Area/Location names and UTC are accepted: abbreviations such as "EST" are fixed
 * offsets that ignore daylight saving time, a trap for a team.
 */
export function normalizeTimeZone(input: string): string | null {
  const typed = input.trim();
  if (typed === '' || (!typed.includes('/') && typed.toUpperCase() !== 'UTC')) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: typed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  const known = Intl.supportedValuesOf('timeZone').find((zone) => zone.toLowerCase() === typed.toLowerCase());
  if (known) return known;
  return /^[A-Z][A-Za-z_+-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)+$/.test(typed) ? typed : resolved;
}

/** Known zones named like what was typed, best match first ("chicago" → America/Chicago). */
export function suggestTimeZones(input: string, limit = 3): string[] {
  const words = input
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length >= 3);
  if (words.length === 0) return [];
  return Intl.supportedValuesOf('timeZone')
    .map((zone) => {
      const parts = zone.toLowerCase().split(/[/_-]/);
      return { zone, score: words.filter((word) => parts.some((part) => part.startsWith(word))).length };
    })
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((candidate) => candidate.zone);
}

/** ":star:" or "star" → "star"; null for anything that is not one emoji name. */
export function normalizeEmojiName(input: string): string | null {
  const name = input.trim().replace(/^:/, '').replace(/:$/, '').toLowerCase();
  return /^[a-z0-9_+'-]{1,100}$/.test(name) ? name : null;
}

/** What Slack's conversations.info said about a channel someone chose. */
export type ChannelCheck = 'ok' | 'not_member' | 'not_visible' | 'archived' | 'unchecked';

/** Why the app cannot use a chosen channel, in the words an admin can act on; null when it can. */
export function channelProblem(check: ChannelCheck, appName = '@Groundwork'): string | null {
  switch (check) {
    case 'ok':
      return null;
    case 'not_member':
      return `Invite me first: type /invite ${appName} in that channel, then save again.`;
    case 'not_visible':
      return `I can't see that channel (it may be private). Invite me first: type /invite ${appName} in it, then save again.`;
    case 'archived':
      return 'That channel is archived. Choose another one.';
    case 'unchecked':
      return "I couldn't check that channel with Slack just now. Save again in a moment.";
  }
}

/** "Monday at 09:00 (America/Chicago)". */
export function describeDigestSchedule(settings: Pick<WorkspaceSettings, 'digestDay' | 'digestTime' | 'timeZone'>): string | null {
  if (settings.digestDay === null || settings.digestTime === null) return null;
  const day = WEEKDAY_NAMES[settings.digestDay] ?? '?';
  return `${day} at ${settings.digestTime}${settings.timeZone ? ` (${settings.timeZone})` : ''}`;
}
