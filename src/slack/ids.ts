/**
 * Every name Slack routes on, in one place: the manifest test reads these to prove the
 * manifest and the code agree.
 */
export const COMMANDS = {
  logKnock: '/log-knock',
  logAction: '/log-action',
} as const;

export const ACTIONS = {
  undoAction: 'undo_action',
  chooseTactic: 'choose_tactic',
} as const;

export const VIEWS = {
  logAction: 'log_action',
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
