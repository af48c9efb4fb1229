/**
 * Every name Slack routes on, in one place: the manifest test reads these to prove the
 * manifest and the code agree.
 */
export const COMMANDS = {
  logKnock: '/log-knock',
  logAction: '/log-action',
  groundwork: '/groundwork',
} as const;

export const ACTIONS = {
  undoAction: 'undo_action',
  chooseTactic: 'choose_tactic',
  // Quick buttons on the App Home tab.
  homeLogAction: 'home_log_action',
  homeFindShift: 'home_find_shift',
  homeUpcomingTrainings: 'home_upcoming_trainings',
  homeSettings: 'home_settings',
  // The author's answer to a story nomination (a DM from the app).
  allowStory: 'story_allow',
  declineStory: 'story_decline',
} as const;

export const VIEWS = {
  logAction: 'log_action',
  settings: 'workspace_settings',
} as const;

/** Block ids of the log-action modal; validation errors are keyed by these. */
export const LOG_BLOCKS = {
  tactic: 'tactic',
  date: 'date',
  place: 'place',
  note: 'note',
  story: 'story',
  feature: 'feature',
  countPrefix: 'count_',
} as const;

/** Block ids of the settings modal; validation errors are keyed by these. */
export const SETTINGS_BLOCKS = {
  digestChannel: 'digest_channel',
  digestDay: 'digest_day',
  digestTime: 'digest_time',
  timeZone: 'time_zone',
  staffGroups: 'staff_groups',
  leaderGroups: 'leader_groups',
  storyEmoji: 'story_emoji',
  announcementChannel: 'announcement_channel',
} as const;
