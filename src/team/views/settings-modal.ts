/**
 * The workspace settings modal (admins): digest channel, day and time, time zone, staff and leader
 * user groups, story emoji, announcement channel. Pure: it is opened as a loading view and then
 * filled in with views.update once the user groups are read from Slack.
 */
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import {
  SETTINGS_DEFAULTS,
  WEEKDAY_NAMES,
  WEEKDAYS_FROM_MONDAY,
  describeDigestSchedule,
  isClockTime,
  isWeekday,
  normalizeEmojiName,
  normalizeTimeZone,
  suggestTimeZones,
  type WorkspaceSettings,
} from '../settings.js';
import { COMMANDS, SETTINGS_BLOCKS, VIEWS } from '../../slack/ids.js';
import type { SlackMessage } from '../../slack/messages.js';

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

export function readSettingsModalMetadata(privateMetadata: string): SettingsModalMetadata {
  try {
    const parsed = JSON.parse(privateMetadata) as Partial<SettingsModalMetadata>;
    return typeof parsed.responseUrl === 'string' ? { responseUrl: parsed.responseUrl } : {};
  } catch {
    return {};
  }
}

/** The subset of `view.state.values` this modal produces. */
type StateValues = Record<
  string,
  Record<string, { type: string; value?: string | null; selected_conversation?: string | null; selected_time?: string | null; selected_option?: { value: string } | null; selected_options?: { value: string }[] }>
>;

export type ReadSettings = { settings: WorkspaceSettings; errors: Record<string, string> };

/**
 * Turns the submitted modal into settings plus field errors keyed by block id (channels are checked
 * with Slack separately). Group pickers missing from the modal keep `current`'s groups.
 */
export function readSettingsSubmission(values: StateValues, current: WorkspaceSettings): ReadSettings {
  const field = (blockId: string) => values[blockId]?.value;
  const errors: Record<string, string> = {};

  const dayValue = Number(field(SETTINGS_BLOCKS.digestDay)?.selected_option?.value ?? NaN);
  if (!isWeekday(dayValue)) errors[SETTINGS_BLOCKS.digestDay] = 'Choose the day the digest is posted.';

  const time = field(SETTINGS_BLOCKS.digestTime)?.selected_time ?? '';
  if (!isClockTime(time)) errors[SETTINGS_BLOCKS.digestTime] = 'Choose the time the digest is posted.';

  const typedZone = field(SETTINGS_BLOCKS.timeZone)?.value?.trim() ?? '';
  const timeZone = normalizeTimeZone(typedZone);
  if (!timeZone) {
    const suggestions = suggestTimeZones(typedZone);
    errors[SETTINGS_BLOCKS.timeZone] =
      (typedZone === '' ? 'Enter the time zone your team works in, ' : `"${typedZone.slice(0, 40)}" is not a time zone I know. Use a name `) +
      `like America/Chicago or Europe/London${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '.'}`;
  }

  const typedEmoji = field(SETTINGS_BLOCKS.storyEmoji)?.value?.trim() ?? '';
  const storyEmoji = normalizeEmojiName(typedEmoji);
  if (!storyEmoji) errors[SETTINGS_BLOCKS.storyEmoji] = "Type one emoji's name, like :star: or :tada:.";

  const groups = (blockId: string, keep: string[]) => {
    const picked = field(blockId);
    return picked ? (picked.selected_options ?? []).map((option) => option.value) : keep;
  };
  const staffUsergroupIds = groups(SETTINGS_BLOCKS.staffGroups, current.staffUsergroupIds);
  const leaderUsergroupIds = groups(SETTINGS_BLOCKS.leaderGroups, current.leaderUsergroupIds);
  const both = leaderUsergroupIds.filter((id) => staffUsergroupIds.includes(id));
  if (both.length > 0) {
    errors[SETTINGS_BLOCKS.leaderGroups] = 'A group is either staff or leaders: remove it from one of the lists. (Staff can do everything leaders can.)';
  }

  return {
    settings: {
      digestChannelId: field(SETTINGS_BLOCKS.digestChannel)?.selected_conversation ?? null,
      digestDay: isWeekday(dayValue) ? dayValue : null,
      digestTime: isClockTime(time) ? time : null,
      timeZone,
      staffUsergroupIds,
      leaderUsergroupIds,
      storyEmoji,
      announcementChannelId: field(SETTINGS_BLOCKS.announcementChannel)?.selected_conversation ?? null,
    },
    errors,
  };
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
