/**
 * The workspace settings modal (admins): digest channel, day and time, time zone, staff and leader
 * user groups, story emoji, announcement channel. Pure: it is opened as a loading view and then
 * filled in with views.update once the user groups are read from Slack.
 */
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import {
  SETTINGS_DEFAULTS,
  WEEKDAY_NAMES,
  WEEKDAYS_FROM_MONDAY,
  describeDigestSchedule,
  isWeekday,
  normalizeEmojiName,
  normalizeTimeZone,
  suggestTimeZones,
  type WorkspaceSettings,
} from '../settings.js';
import { COMMANDS, SETTINGS_BLOCKS, VIEWS } from '../../slack/ids.js';
import type { SlackMessage } from '../../slack/messages.js';
import {
  conversationSelect,
  multiStaticSelect,
  readInputs,
  readMetadata,
  staticSelect,
  textInput,
  timePicker,
  usergroupId,
  whenPresent,
  type FieldErrors,
} from '../../slack/read-payload.js';

/** A Slack user group as the pickers show it. */
export interface UsergroupChoice {
  id: string;
  handle: string;
  name: string;
}

/** Carried through the modal so the confirmation reaches the admin where they typed the command. */
export interface SettingsModalMetadata {
  responseUrl?: string;
}

/** Static selects hold at most 100 options. */
const MAX_OPTIONS = 100;
const TITLE = 'Groundwork settings';

export function settingsLoadingModal(): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: TITLE },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: ':hourglass_flowing_sand: Loading your workspace settings…' } }],
  };
}

export function settingsModal(options: {
  settings: WorkspaceSettings;
  /** Null when Slack would not list the user groups (free plan, missing scope): the group pickers are left out and kept as they are. */
  usergroups: readonly UsergroupChoice[] | null;
  /** Shown until a team time zone is saved: the admin's own. */
  defaultTimeZone: string;
  metadata: SettingsModalMetadata;
}): ModalView {
  const { settings, usergroups, defaultTimeZone, metadata } = options;
  const day = settings.digestDay ?? SETTINGS_DEFAULTS.digestDay;
  const blocks: KnownBlock[] = [
    header('Weekly digest'),
    channelInput(SETTINGS_BLOCKS.digestChannel, 'Digest channel', "The week's offline and online wins are posted here. Leave it empty for no digest.", settings.digestChannelId),
    {
      type: 'input',
      block_id: SETTINGS_BLOCKS.digestDay,
      label: { type: 'plain_text', text: 'Digest day' },
      element: { type: 'static_select', action_id: 'value', options: WEEKDAYS_FROM_MONDAY.map(dayOption), initial_option: dayOption(day) },
    },
    {
      type: 'input',
      block_id: SETTINGS_BLOCKS.digestTime,
      label: { type: 'plain_text', text: 'Digest time' },
      element: { type: 'timepicker', action_id: 'value', initial_time: settings.digestTime ?? SETTINGS_DEFAULTS.digestTime },
    },
    {
      type: 'input',
      block_id: SETTINGS_BLOCKS.timeZone,
      label: { type: 'plain_text', text: "Team's time zone" },
      hint: { type: 'plain_text', text: 'A name such as America/Chicago or Europe/London. Weeks, the digest and shift times follow it.' },
      element: { type: 'plain_text_input', action_id: 'value', initial_value: settings.timeZone ?? defaultTimeZone, max_length: 64 },
    },
    { type: 'divider' },
    header('Roles'),
    context(
      `Workspace admins and owners are always Groundwork admins. Members of these user groups get a role; an admin can also give one person a role with ${COMMANDS.groundwork} grant @person staff.`,
    ),
  ];

  if (usergroups && usergroups.length > 0) {
    // Groups already chosen come first, so they are never cut off by the 100-option limit.
    const chosen = new Set([...settings.staffUsergroupIds, ...settings.leaderUsergroupIds]);
    const listed = [...usergroups].sort((a, b) => Number(chosen.has(b.id)) - Number(chosen.has(a.id)) || a.handle.localeCompare(b.handle)).slice(0, MAX_OPTIONS);
    blocks.push(groupPicker(SETTINGS_BLOCKS.staffGroups, 'Staff user groups', 'e.g. @organizers: they can schedule shifts and trainings.', listed, settings.staffUsergroupIds));
    blocks.push(groupPicker(SETTINGS_BLOCKS.leaderGroups, 'Leader user groups', 'e.g. @team-leads.', listed, settings.leaderUsergroupIds));
    if (usergroups.length > MAX_OPTIONS) blocks.push(context(`Showing ${MAX_OPTIONS} of ${usergroups.length} user groups.`));
  } else {
    blocks.push(
      context(
        usergroups
          ? `This workspace has no user groups yet (they need a paid Slack plan). Give roles one person at a time with ${COMMANDS.groundwork} grant @person staff.`
          : "I couldn't read this workspace's user groups just now, so the staff and leader groups stay as they are.",
      ),
    );
  }

  blocks.push(
    { type: 'divider' },
    header('Stories and announcements'),
    {
      type: 'input',
      block_id: SETTINGS_BLOCKS.storyEmoji,
      label: { type: 'plain_text', text: 'Success-story emoji' },
      hint: { type: 'plain_text', text: 'Reacting to a message with this emoji nominates it as a success story for the digest.' },
      element: { type: 'plain_text_input', action_id: 'value', initial_value: `:${settings.storyEmoji ?? SETTINGS_DEFAULTS.storyEmoji}:`, max_length: 102 },
    },
    channelInput(SETTINGS_BLOCKS.announcementChannel, 'Announcement channel', 'New phone-bank shifts and trainings are announced here.', settings.announcementChannelId),
  );

  return {
    type: 'modal',
    callback_id: VIEWS.settings,
    title: { type: 'plain_text', text: TITLE },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

/** What this modal's private_metadata must hold: exactly what `settingsModal` wrote. */
const SETTINGS_MODAL_METADATA: z.ZodType<SettingsModalMetadata> = z.object({
  responseUrl: z.url({ protocol: /^https?$/ }).optional(),
});

/** The modal's metadata, or null when it is not what this modal writes (the caller refuses the form). */
export function readSettingsModalMetadata(privateMetadata: unknown): SettingsModalMetadata | null {
  return readMetadata(SETTINGS_MODAL_METADATA, privateMetadata);
}

/** A day option's value as `dayOption` wrote it: "0" (Sunday) to "6" (Saturday). */
const WEEKDAY_OPTION = z.string().regex(/^\d$/).transform(Number).refine(isWeekday);

/** Every input of the modal, as `settingsModal` built it. */
const SETTINGS_INPUTS = {
  [SETTINGS_BLOCKS.digestChannel]: conversationSelect(),
  [SETTINGS_BLOCKS.digestDay]: staticSelect(WEEKDAY_OPTION, { required: 'Choose the day the digest is posted.', invalid: 'Choose the day the digest is posted from the list.' }),
  [SETTINGS_BLOCKS.digestTime]: timePicker({ required: 'Choose the time the digest is posted.' }),
  [SETTINGS_BLOCKS.timeZone]: textInput(),
  // The group pickers are left out when Slack would not list the groups.
  [SETTINGS_BLOCKS.staffGroups]: whenPresent(multiStaticSelect(usergroupId)),
  [SETTINGS_BLOCKS.leaderGroups]: whenPresent(multiStaticSelect(usergroupId)),
  [SETTINGS_BLOCKS.storyEmoji]: textInput(),
  [SETTINGS_BLOCKS.announcementChannel]: conversationSelect(),
};

export interface ReadSettings {
  /** What to save; null when any field has a problem. */
  settings: WorkspaceSettings | null;
  /** Every problem found, keyed by block id (channels are checked with Slack separately). */
  errors: FieldErrors;
  /** The channels chosen, by block id, for the caller to check with Slack. */
  channels: [blockId: string, channelId: string][];
}

/**
 * Turns the submitted modal into settings, or field errors keyed by block id for every problem at
 * once. Group pickers missing from the modal keep `current`'s groups.
 */
export function readSettingsSubmission(values: Readonly<Record<string, unknown>>, current: WorkspaceSettings): ReadSettings {
  const read = readInputs(values, SETTINGS_INPUTS);
  // Fields that could not be read already have their error; the rest are checked too.
  const fields = read.ok ? read.data : read.partial;
  const errors: FieldErrors = read.ok ? {} : { ...read.errors };

  // An empty field reads as null and an unreadable one is missing: both are checked as '' unless already in error.
  const typedZone = fields.time_zone ?? '';
  const timeZone = normalizeTimeZone(typedZone);
  if (!timeZone) errors[SETTINGS_BLOCKS.timeZone] ??= timeZoneProblem(typedZone);

  const storyEmoji = normalizeEmojiName(fields.story_emoji ?? '');
  if (!storyEmoji) errors[SETTINGS_BLOCKS.storyEmoji] ??= "Type one emoji's name, like :star: or :tada:.";

  const staffUsergroupIds = fields.staff_groups ?? current.staffUsergroupIds;
  const leaderUsergroupIds = fields.leader_groups ?? current.leaderUsergroupIds;
  const groupsRead = !errors[SETTINGS_BLOCKS.staffGroups] && !errors[SETTINGS_BLOCKS.leaderGroups];
  if (groupsRead && leaderUsergroupIds.some((id) => staffUsergroupIds.includes(id))) {
    errors[SETTINGS_BLOCKS.leaderGroups] = 'A group is either staff or leaders: remove it from one of the lists. (Staff can do everything leaders can.)';
  }

  const channels: [blockId: string, channelId: string][] = [];
  if (fields.digest_channel) channels.push([SETTINGS_BLOCKS.digestChannel, fields.digest_channel]);
  if (fields.announcement_channel) channels.push([SETTINGS_BLOCKS.announcementChannel, fields.announcement_channel]);

  if (!read.ok || Object.keys(errors).length > 0) return { settings: null, errors, channels };
  return {
    settings: {
      digestChannelId: read.data.digest_channel,
      digestDay: read.data.digest_day,
      digestTime: read.data.digest_time,
      timeZone,
      staffUsergroupIds,
      leaderUsergroupIds,
      storyEmoji,
      announcementChannelId: read.data.announcement_channel,
    },
    errors,
    channels,
  };
}

function timeZoneProblem(typedZone: string): string {
  const suggestions = suggestTimeZones(typedZone);
  return (
    (typedZone === '' ? 'Enter the time zone your team works in, ' : `"${typedZone.slice(0, 40)}" is not a time zone I know. Use a name `) +
    `like America/Chicago or Europe/London${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '.'}`
  );
}

/** What the admin is told once the settings are saved (and the groups' members read). */
export function settingsSavedMessage(options: { settings: WorkspaceSettings; memberCounts: ReadonlyMap<string, number> }): SlackMessage {
  const { settings, memberCounts } = options;
  const groups = (ids: string[], role: string) => {
    if (ids.length === 0) return `${role}: no user group (use ${COMMANDS.groundwork} grant for one person)`;
    const described = ids.map((id) => {
      const count = memberCounts.get(id);
      return count === undefined ? `<!subteam^${id}> (members not read yet; I'll try again within 5 minutes)` : `<!subteam^${id}> (${count} ${count === 1 ? 'person' : 'people'})`;
    });
    return `${role}: ${described.join(', ')}`;
  };
  const schedule = describeDigestSchedule(settings);
  const lines = [
    ':white_check_mark: Groundwork settings saved.',
    `• Weekly digest: ${settings.digestChannelId ? `<#${settings.digestChannelId}>, ${schedule ?? 'no time set'}` : 'off (no channel chosen)'}`,
    `• Time zone: ${settings.timeZone ?? 'not set'}`,
    `• ${groups(settings.staffUsergroupIds, 'Staff')}`,
    `• ${groups(settings.leaderUsergroupIds, 'Leaders')}`,
    `• Success stories: react with :${settings.storyEmoji ?? SETTINGS_DEFAULTS.storyEmoji}:`,
    `• Announcements: ${settings.announcementChannelId ? `<#${settings.announcementChannelId}>` : 'none (no channel chosen)'}`,
  ];
  const text = lines.join('\n');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

function dayOption(day: number): PlainTextOption {
  return { text: { type: 'plain_text', text: WEEKDAY_NAMES[day] ?? 'Monday' }, value: String(day) };
}

function groupPicker(blockId: string, label: string, hint: string, listed: readonly UsergroupChoice[], chosenIds: readonly string[]): KnownBlock {
  const options = listed.map(groupOption);
  const initial = options.filter((option) => chosenIds.includes(option.value ?? ''));
  return optionalInput(blockId, label, hint, {
    type: 'multi_static_select',
    action_id: 'value',
    placeholder: { type: 'plain_text', text: 'Choose user groups' },
    options,
    ...(initial.length > 0 ? { initial_options: initial } : {}),
  });
}

function groupOption(group: UsergroupChoice): PlainTextOption {
  return {
    text: { type: 'plain_text', text: `@${group.handle}`.slice(0, 75) },
    ...(group.name ? { description: { type: 'plain_text' as const, text: group.name.slice(0, 75) } } : {}),
    value: group.id,
  };
}

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/** An optional channel picker; the app's access is checked on submit (see channel-check.ts). */
function channelInput(blockId: string, label: string, hint: string, initial: string | null): KnownBlock {
  return optionalInput(blockId, label, hint, {
    type: 'conversations_select',
    action_id: 'value',
    placeholder: { type: 'plain_text', text: 'Choose a channel' },
    filter: { include: ['public', 'private'], exclude_bot_users: true },
    ...(initial ? { initial_conversation: initial } : {}),
  });
}

function optionalInput(blockId: string, label: string, hint: string, element: InputBlock['element']): KnownBlock {
  return { type: 'input', block_id: blockId, optional: true, label: { type: 'plain_text', text: label }, hint: { type: 'plain_text', text: hint }, element };
}
