/**
 * Opens the settings modal for an admin (the caller has checked the role). A trigger_id lives 3 s,
 * so a loading view opens at once; the form replaces it when the settings and user groups are read.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { openModal } from '../slack/open-modal.js';
import { findWorkspaceSettings } from './queries/settings.js';
import { EMPTY_SETTINGS } from './settings.js';
import { timeZoneOf } from './slack-profiles.js';
import { settingsLoadingModal, settingsModal, type UsergroupChoice } from './views/settings-modal.js';

export async function openSettingsModal(options: {
  client: WebClient;
  db: Kysely<DB>;
  logger: Logger;
  teamId: string;
  userId: string;
  triggerId: string;
  /** Where the "saved" confirmation goes; without one it comes as a DM. */
  responseUrl?: string;
}): Promise<void> {
  const { client, db, logger, teamId, userId, triggerId, responseUrl } = options;
  const opening = openModal({ client, logger, userId, triggerId, responseUrl, view: settingsLoadingModal() });
  const reading = Promise.all([
    findWorkspaceSettings(db, teamId),
    listUsergroups(client, logger),
    // Until the team's zone is saved, offer the admin's own (usually the person who installed the app).
    timeZoneOf(client, db, teamId, userId),
  ]);
  const [opened, [settings, usergroups, adminTimeZone]] = await Promise.all([opening, reading]);
  // Slack would not open it; openModal has told the person.
  if (!opened) return;
  const viewId = opened.view?.id;
  if (!viewId) throw new Error('views.open returned no view id');
  await client.views.update({
    view_id: viewId,
    ...(opened.view?.hash ? { hash: opened.view.hash } : {}),
    view: settingsModal({
      settings: settings ?? EMPTY_SETTINGS,
      usergroups,
      defaultTimeZone: adminTimeZone,
      metadata: responseUrl ? { responseUrl } : {},
    }),
  });
}

/** The workspace's active user groups, or null when Slack would not list them. */
async function listUsergroups(client: WebClient, logger: Logger): Promise<UsergroupChoice[] | null> {
  try {
    const answer = await client.usergroups.list({ include_disabled: false });
    return (answer.usergroups ?? []).flatMap((group) =>
      group.id && group.handle && !group.date_delete ? [{ id: group.id, handle: group.handle, name: group.name ?? '' }] : [],
    );
  } catch (error) {
    logger.warn(`Could not list user groups for the settings modal: ${String((error as { data?: { error?: string } }).data?.error ?? error)}`);
    return null;
  }
}
