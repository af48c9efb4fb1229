/**
 * Opens a modal whose content needs reads (the database, Slack's users.info, conversations.info):
 * a trigger_id lives 3 seconds, so a loading view opens at once and is replaced by the real one,
 * or by a short notice when there is nothing to show.
 */
import type { WebClient } from '@slack/web-api';
import type { ModalView } from '@slack/types';
import { noticeModal } from '../slack/notice-modal.js';

export async function openThenFill(client: WebClient, triggerId: string, title: string, build: () => Promise<ModalView | { notice: string }>): Promise<void> {
  const loading: ModalView = {
    type: 'modal',
    title: { type: 'plain_text', text: title.slice(0, 24) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: ':hourglass_flowing_sand: One moment…' } }],
  };
  const [opened, built] = await Promise.all([
    client.views.open({ trigger_id: triggerId, view: loading }),
    build().catch((error: unknown) => ({ notice: `:warning: Something went wrong on our side while reading this (${error instanceof Error ? 'see the app log' : 'unknown'}). Please try again in a minute.` })),
  ]);
  const viewId = opened.view?.id;
  if (!viewId) throw new Error('views.open returned no view id');
  const view = 'notice' in built ? noticeModal(title, built.notice) : built;
  await client.views.update({ view_id: viewId, ...(opened.view?.hash ? { hash: opened.view.hash } : {}), view });
}
