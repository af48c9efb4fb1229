/**
 * The settings modal was submitted (admins). Every field is checked before anything is stored:
 * problems go back onto their fields in the ack and nothing is saved. Chosen channels are asked
 * about with conversations.info, so an admin learns now, not on digest day, that the app must be
 * invited. Once saved, the chosen user groups' members are read and the admin gets a summary.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { findWorkspaceSettings, saveWorkspaceSettings } from '../queries/settings.js';
import { EMPTY_SETTINGS, channelProblem, type WorkspaceSettings } from '../settings.js';
import { checkChannel } from '../channel-check.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { COMMANDS, SETTINGS_BLOCKS } from '../../slack/ids.js';
import { stateValuesOf } from '../../slack/read-payload.js';
import { teamIdOf } from '../../slack/payload.js';
import { GUARDED, requireRole } from '../permissions.js';
import { sendPrivately } from '../../slack/send-privately.js';
import { refreshWorkspaceUsergroups } from '../usergroup-cache.js';
import { noticeModal, unreadableFormNotice } from '../../slack/notice-modal.js';
import { readSettingsModalMetadata, readSettingsSubmission, settingsSavedMessage } from '../views/settings-modal.js';

export function settingsSubmitted({ database, logger }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const db = database.db;
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    const values = stateValuesOf(view);
    const metadata = readSettingsModalMetadata(view.private_metadata);
    let saved: WorkspaceSettings;
    try {
      const allowed = await requireRole({
        client,
        db,
        logger,
        teamId,
        userId,
        entry: GUARDED.settingsSubmission,
        refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }),
      });
      if (!allowed) return;
      if (!values || !metadata) {
        logger.warn(`Refused a settings submission that could not be read (view ${String(view.id)})`);
        await ack({ response_action: 'update', view: unreadableFormNotice('saved', `${COMMANDS.groundwork} settings`) });
        return;
      }
      const current = (await findWorkspaceSettings(db, teamId)) ?? EMPTY_SETTINGS;
      const { settings, errors, channels } = readSettingsSubmission(values, current);
      const checks = await Promise.all(channels.map(async ([blockId, channelId]) => [blockId, await checkChannel(client, channelId)] as const));
      for (const [blockId, check] of checks) {
        const problem = channelProblem(check);
        if (problem) errors[blockId] = problem;
      }
      if (!settings || Object.keys(errors).length > 0) {
        await ack({ response_action: 'errors', errors });
        return;
      }
      saved = await saveWorkspaceSettings(db, teamId, settings, userId);
    } catch (error) {
      logger.error(`Saving settings failed: ${String(error)}`);
      // Keep the modal open with everything chosen, so trying again is one click.
      await ack({ response_action: 'errors', errors: { [SETTINGS_BLOCKS.timeZone]: failureText(error, 'saved') } });
      return;
    }
    await ack();
    const usergroupIds = [...new Set([...saved.staffUsergroupIds, ...saved.leaderUsergroupIds])];
    const memberCounts = await refreshWorkspaceUsergroups({ client, db, logger, teamId, usergroupIds }).catch((error: unknown) => {
      logger.warn(`Could not refresh user groups after saving settings: ${String(error)}`);
      return new Map<string, number>();
    });
    await sendPrivately({ client, logger, userId, responseUrl: metadata.responseUrl, message: settingsSavedMessage({ settings: saved, memberCounts }) });
  };
}
