/**
 * Someone reacted to a message with the team's story emoji (settings; ":star:" until chosen): the
 * message is nominated as a success story for the digest. The nomination is stored once per message,
 * whoever reacts and however often Slack delivers the event, and the first one asks the author by DM.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { findWorkspaceSettings } from '../../team/queries/settings.js';
import { SETTINGS_DEFAULTS } from '../../team/settings.js';
import { forgetNomination, nominateMessage } from '../queries/nominations.js';
import { storyAskMessage } from '../views/story-ask.js';

export function storyReaction({ database, logger }: ListenerDeps) {
  return async ({ event, body, context, client }: SlackEventMiddlewareArgs<'reaction_added'> & AllMiddlewareArgs): Promise<void> => {
    if (event.item.type !== 'message' || !event.item_user) return;
    // Skin tones arrive as "thumbsup::skin-tone-2"; the emoji is the part before them.
    const emoji = event.reaction.split('::')[0];
    const teamId = context.teamId ?? body.team_id;
    const db = database.db;
    try {
      const settings = await findWorkspaceSettings(db, teamId);
      if (emoji !== (settings?.storyEmoji ?? SETTINGS_DEFAULTS.storyEmoji)) return;
      // The app's own posts (the digest itself) are not stories of the team's work.
      if (event.item_user === context.botUserId) return;
      const message = { teamId, channelId: event.item.channel, messageTs: event.item.ts };
      if (!(await nominateMessage(db, message, event.item_user, event.user))) return;
      try {
        await client.chat.postMessage({ channel: event.item_user, ...storyAskMessage(message, event.user) });
      } catch (error) {
        await forgetNomination(db, message);
        throw error;
      }
    } catch (error) {
      logger.warn(`Could not nominate ${event.item.channel}/${event.item.ts} as a story: ${String(error)}`);
    }
  };
}
