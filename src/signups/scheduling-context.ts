/**
 * What a staff member's scheduling modal needs before it opens, the same for a shift and a training:
 * the zone its date and time are asked in (the team's, or the person's own when no team zone is set,
 * saying so), and for a new one where it would be announced (the channel from settings, else the
 * channel the command was typed in when the app is there, else why it won't be).
 */
import type { SignupDeps } from './deliver-outbox.js';
import { COMMANDS } from '../slack/ids.js';
import { checkChannel } from '../team/channel-check.js';
import { findWorkspaceSettings } from '../team/queries/settings.js';
import { timeZoneOf } from '../team/slack-profiles.js';

export type AnnounceOption = { channelId: string; source: 'settings' | 'here' } | { channelId: null; reason: string };

export interface SchedulingContext {
  timeZone: string;
  /** Says which zone the times are in, for the modal's hint. */
  zoneNote: string;
  /** Only for a new opportunity: an edit never announces again. */
  announce?: AnnounceOption;
}

export async function schedulingContext(
  deps: SignupDeps,
  options: { teamId: string; userId: string; mode: 'new' | 'edit'; channelId?: string; noun: 'shift' | 'training'; findCommand: string },
): Promise<SchedulingContext> {
  const { db, client } = deps;
  const { teamId, userId, mode, channelId, noun, findCommand } = options;
  const settings = await findWorkspaceSettings(db, teamId);
  const teamZone = settings?.timeZone ?? null;
  const timeZone = teamZone ?? (await timeZoneOf(client, db, teamId, userId));
  const zoneNote = teamZone ? "the team's time zone" : `your own Slack time zone, since no team time zone is set (an admin sets one in ${COMMANDS.groundwork} settings)`;
  if (mode !== 'new') return { timeZone, zoneNote };
  if (settings?.announcementChannelId) return { timeZone, zoneNote, announce: { channelId: settings.announcementChannelId, source: 'settings' } };
  if (channelId && (await checkChannel(client, channelId)) === 'ok') return { timeZone, zoneNote, announce: { channelId, source: 'here' } };
  const reason = `No announcement channel is set (an admin chooses one in \`${COMMANDS.groundwork} settings\`)${channelId ? " and I'm not in this channel" : ''}, so this ${noun} won't be announced. People can still find it with \`${findCommand}\`.`;
  return { timeZone, zoneNote, announce: { channelId: null, reason } };
}
