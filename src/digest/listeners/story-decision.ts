/**
 * The author of a nominated message answered: Allow or No thanks. Only the author may answer, once.
 * On Allow the message's text is read from Slack (conversations.replies finds a thread reply as well
 * as a top-level message) and kept with its permalink for the digest, which quotes it as plain text.
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { decideNomination, findNomination } from '../queries/nominations.js';
import { STORY_ANSWERS, parseStoryRef, type StoryRef } from '../views/story-ask.js';

export function storyDecision({ database, logger }: ListenerDeps, answer: 'allowed' | 'declined') {
  return async ({ ack, body, action, context, client, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const ref = parseStoryRef(action.value);
    const teamId = context.teamId ?? body.team?.id ?? '';
    if (!ref) return;
    const message = { teamId, ...ref };
    try {
      const nomination = await findNomination(database.db, message);
      if (!nomination) return void (await respond({ replace_original: true, text: STORY_ANSWERS.gone }));
      if (nomination.author_id !== body.user.id) return void (await respond({ replace_original: false, response_type: 'ephemeral', text: STORY_ANSWERS.notYours }));
      if (nomination.status !== 'asked') return void (await respond({ replace_original: false, text: STORY_ANSWERS.already }));
      if (answer === 'declined') {
        await decideNomination(database.db, message, { status: 'declined' }, new Date());
        return void (await respond({ replace_original: true, text: STORY_ANSWERS.declined }));
      }
      const original = await readMessage(client, ref);
      if (!original) return void (await respond({ replace_original: true, text: STORY_ANSWERS.gone }));
      const decided = await decideNomination(database.db, message, { status: 'allowed', ...original }, new Date());
      await respond({ replace_original: true, text: decided ? STORY_ANSWERS.allowed : STORY_ANSWERS.already });
    } catch (error) {
      logger.error(`Could not record the answer to story ${ref.channelId}/${ref.messageTs}: ${String(error)}`);
      await respond({ replace_original: false, text: `:warning: ${failureText(error, 'saved')}` }).catch(() => {});
    }
  };
}

/** The message's text as Slack has it now, and its permalink; undefined when it is gone or unreadable. */
async function readMessage(client: WebClient, ref: StoryRef): Promise<{ text: string; permalink: string | null } | undefined> {
  const replies = await client.conversations
    .replies({ channel: ref.channelId, ts: ref.messageTs, oldest: ref.messageTs, latest: ref.messageTs, inclusive: true, limit: 1 })
    .catch(() => undefined);
  const found = replies?.messages?.find((m) => m.ts === ref.messageTs);
  if (!found?.text) return undefined;
  const permalink = await client.chat
    .getPermalink({ channel: ref.channelId, message_ts: ref.messageTs })
    .then((answer) => answer.permalink ?? null)
    .catch(() => null);
  return { text: found.text, permalink };
}
