/**
 * Every name Slack routes on, in one place: the manifest test reads these to prove the
 * manifest and the code agree.
 */
export const COMMANDS = {
  logKnock: '/log-knock',
  logAction: '/log-action',
  groundwork: '/groundwork',
  shift: '/shift',
  shifts: '/shifts',
  training: '/training',
  trainings: '/trainings',
  segment: '/segment',
} as const;

export const ACTIONS = {
  undoAction: 'undo_action',
  // Under a report held back as a likely repeat.
  recordHeldReport: 'record_held_report',
  dropHeldReport: 'drop_held_report',
  chooseTactic: 'choose_tactic',
  // Quick buttons on the App Home tab.
  homeLogAction: 'home_log_action',
  homeFindShift: 'home_find_shift',
  homeUpcomingTrainings: 'home_upcoming_trainings',
  homeSettings: 'home_settings',
  homeNewShift: 'home_new_shift',
  homeNewTraining: 'home_new_training',
  // Edit / Cancel beside each of the team's upcoming shifts, in the staff part of the Home tab.
  homeEditShift: 'home_edit_shift',
  homeCancelShift: 'home_cancel_shift',
  homeEditTraining: 'home_edit_training',
  homeCancelTraining: 'home_cancel_training',
  // Seats on a shift, from its announcement, the /shifts modal, the Home tab or a DM.
  shiftClaim: 'shift_claim',
  shiftLeave: 'shift_leave',
  shiftJoinWaitlist: 'shift_join_waitlist',
  shiftConfirm: 'shift_confirm',
  shiftPass: 'shift_pass',
  shiftsPage: 'shifts_page',
  shiftReportBack: 'shift_report_back',
  // RSVPs to a training, from its announcement, the /trainings modal, the Home tab, a DM or a refused shift claim.
  trainingRsvp: 'training_rsvp',
  trainingCancelRsvp: 'training_cancel_rsvp',
  trainingJoinWaitlist: 'training_join_waitlist',
  trainingConfirm: 'training_confirm',
  trainingPass: 'training_pass',
  // The author's answer to a story nomination (a DM from the app).
  allowStory: 'story_allow',
  declineStory: 'story_decline',
  // In the /segment modal: a segment's CSV to the staff member's DM, and a batch invitation from it.
  segmentExport: 'segment_export',
  segmentInvite: 'segment_invite',
  // In the weekly leader-spotting DM to staff: take the next ask, or snooze the person for four weeks.
  leaderAskTraining: 'leader_ask_training',
  leaderAskHost: 'leader_ask_host',
  leaderSnooze: 'leader_snooze',
} as const;

export const VIEWS = {
  logAction: 'log_action',
  settings: 'workspace_settings',
  shiftNew: 'shift_new',
  shiftEdit: 'shift_edit',
  shiftCancel: 'shift_cancel',
  shiftRoster: 'shift_roster',
  shiftPick: 'shift_pick',
  shiftReport: 'shift_report',
  // A shift's roster once it has started: staff tick who came.
  shiftAttendance: 'shift_attendance',
  trainingNew: 'training_new',
  trainingEdit: 'training_edit',
  trainingCancel: 'training_cancel',
  // After a training has started: staff tick who came and add walk-ins.
  trainingAttendance: 'training_attendance',
  // `/training edit | cancel | attendance` typed without a number: which training?
  trainingPick: 'training_pick',
  // `/groundwork forget-me`: the confirmation.
  forgetMe: 'forget_me',
  // A batch invitation from a segment: choose what to invite to, then preview and send.
  inviteChoose: 'invite_choose',
  inviteSend: 'invite_send',
} as const;

/** Block ids of the invitation modals. */
export const INVITE_BLOCKS = {
  opportunity: 'invite_opportunity',
} as const;

/** The /segment modal has no submit button; its buttons say where they were clicked. */
export const SEGMENTS_CALLBACK = 'segments';

/** The /trainings modal has no submit button either; its buttons say where they were clicked. */
export const TRAININGS_BROWSE_CALLBACK = 'trainings_browse';

/** The /shifts modal has no submit button, so Slack never routes on its callback_id; its buttons say where they were clicked. */
export const SHIFTS_BROWSE_CALLBACK = 'shifts_browse';

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

/** Block ids of the shift modal; validation errors are keyed by these. */
export const SHIFT_BLOCKS = {
  title: 'shift_title',
  target: 'shift_target',
  date: 'shift_date',
  time: 'shift_time',
  length: 'shift_length',
  seats: 'shift_seats',
  who: 'shift_who',
  where: 'shift_where',
  script: 'shift_script',
  announce: 'shift_announce',
  /** The skill a shift requires (a tactic), optional. */
  skill: 'shift_skill',
  pick: 'shift_pick',
  cancelNote: 'shift_cancel_note',
  remove: 'shift_remove',
  /** Followed by the group's number: checkboxes hold 10 options, so a big shift's seats span several. */
  attendancePrefix: 'shift_attendance_',
} as const;

/** Block ids of the training modal and the attendance modal; validation errors are keyed by these. */
export const TRAINING_BLOCKS = {
  title: 'training_title',
  format: 'training_format',
  skill: 'training_skill',
  date: 'training_date',
  time: 'training_time',
  length: 'training_length',
  seats: 'training_seats',
  where: 'training_where',
  description: 'training_description',
  announce: 'training_announce',
  walkIns: 'training_walk_ins',
  pick: 'training_pick',
  /** Followed by the group's number, as for a shift's attendance. */
  attendancePrefix: 'training_attendance_',
} as const;

/** Block ids of the report-back modal. */
export const REPORT_BLOCKS = {
  calls: 'report_calls',
  conversations: 'report_conversations',
  commitments: 'report_commitments',
  story: 'report_story',
  feature: 'report_feature',
} as const;
