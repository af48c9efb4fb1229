/**
 * Opens a modal, and when Slack will not open it (the trigger_id expired after its 3 s, Slack is
 * having trouble...) tells the person instead of leaving them with silence: through the command's
 * response_url when they typed one, else as a DM. Every modal Groundwork opens goes through here.
 */
import type { Logger } from '@slack/bolt';
import type { KnownBlock, ModalView } from '@slack/types';
import type { ViewsOpenResponse, WebClient } from '@slack/web-api';
import { plainReply, type SlackMessage } from './messages.js';
import { noticeModal } from './notice-modal.js';
import { sendPrivately } from './send-privately.js';
import { describeUnexpected } from './unexpected-errors.js';

export interface OpenModalOptions {
  client: WebClient;
  logger: Logger;
  userId: string;
  triggerId: string;
  /** A command's response_url (signed by Slack); absent from the Home tab, where the answer is a DM. */
  responseUrl?: string | undefined;
}

/** Where a slash command's modal opens, and where to tell the person when it will not. */
export function commandModalTarget(command: { user_id: string; trigger_id: string; response_url: string }, client: WebClient, logger: Logger): OpenModalOptions {
  return { client, logger, userId: command.user_id, triggerId: command.trigger_id, responseUrl: command.response_url };
}

/**
 * The opened view, or undefined when Slack would not open it (the person has been told). `stack`: the
 * trigger came from inside a modal, so the view goes on top of it (views.push; closing it returns to
 * that modal), as Slack has a button in a modal do.
 */
export async function openModal(options: OpenModalOptions & { view: ModalView; instead?: SlackMessage; stack?: boolean }): Promise<ViewsOpenResponse | undefined> {
  const { client, logger, userId, triggerId, responseUrl, view } = options;
  try {
    return options.stack ? await client.views.push({ trigger_id: triggerId, view }) : await client.views.open({ trigger_id: triggerId, view });
  } catch (error) {
    const code = slackErrorCode(error);
    logger.warn(`Slack did not open the "${view.title.text}" modal for ${userId} (${code ?? describeUnexpected(error)}); telling them`);
    const message = options.instead ?? couldNotOpen(view.title.text, code !== undefined);
    try {
      await sendPrivately({ client, logger, userId, responseUrl, message });
    } catch (sendError) {
      logger.error(`Could not tell ${userId} that a modal did not open: ${describeUnexpected(sendError)}`);
    }
    return undefined;
  }
}

/**
 * Opens a modal whose content needs reads (the database, Slack): a trigger_id lives 3 seconds, so a
 * loading view opens at once (through openModal, so a refusal is reported) and is replaced by the real
 * one, or by a short notice when there is nothing to show.
 */
export async function openThenFill(options: OpenModalOptions & { title: string; build: () => Promise<ModalView | { notice: string }> }): Promise<void> {
  const { title, build, ...open } = options;
  const loading: ModalView = {
    type: 'modal',
    title: { type: 'plain_text', text: title.slice(0, 24) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: ':hourglass_flowing_sand: One moment…' } }],
  };
  const [opened, built] = await Promise.all([
    openModal({ ...open, view: loading }),
    build().catch((error: unknown) => {
      open.logger.error(`Could not build the "${title}" modal: ${describeUnexpected(error)}`);
      return { notice: ':warning: Something went wrong on our side while reading this. Please try again in a minute.' };
    }),
  ]);
  const viewId = opened?.view?.id;
  if (!viewId) return;
  const view = 'notice' in built ? noticeModal(title, built.notice) : built;
  await open.client.views.update({ view_id: viewId, ...(opened.view?.hash ? { hash: opened.view.hash } : {}), view });
}

/**
 * A short answer in a modal (the Home tab has no ephemeral messages); as a DM when it will not open.
 * `blocks`: an answer with more than its text (a button that says what to do next) keeps them.
 */
export function openNotice(options: OpenModalOptions & { title: string; text: string; blocks?: KnownBlock[]; stack?: boolean }): Promise<ViewsOpenResponse | undefined> {
  const { title, text, blocks, ...open } = options;
  const view = blocks ? { ...noticeModal(title, text), blocks } : noticeModal(title, text);
  return openModal({ ...open, view, instead: blocks ? { text, blocks } : plainReply(text) });
}

/**
 * `refused`: Slack answered with an error, so the modal certainly did not open. Otherwise (no answer
 * in time) it may have opened after all, and the person is told what to do either way.
 */
function couldNotOpen(title: string, refused: boolean): SlackMessage {
  return refused
    ? plainReply(`:warning: I could not open the *${title}* form: Slack would not let me just now (this happens when a click or command takes a few seconds to reach Groundwork). Please try again.`)
    : plainReply(`:warning: I may not have been able to open the *${title}* form: Slack did not answer in time. If it did not appear, please try again.`);
}

function slackErrorCode(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return typeof code === 'string' ? code : undefined;
}
