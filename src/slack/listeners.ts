/** Registers every listener. One file per listener; this is the only place that routes to them. */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from './deps.js';
import { ACTIONS, COMMANDS, VIEWS } from './ids.js';
import { chooseTactic } from '../logging/listeners/choose-tactic.js';
import { findShiftFromHome } from '../home/listeners/find-shift-from-home.js';
import { openLogModalFromHome } from '../logging/listeners/open-log-modal-from-home.js';
import { openSettingsFromHome } from '../team/listeners/open-settings-from-home.js';
import { undoAction } from '../logging/listeners/undo-action.js';
import { upcomingTrainingsFromHome } from '../home/listeners/upcoming-trainings-from-home.js';
import { groundworkCommand } from '../team/listeners/groundwork.js';
import { logActionCommand } from '../logging/listeners/log-action.js';
import { logKnockCommand } from '../logging/listeners/log-knock.js';
import { appHomeOpened } from '../home/listeners/app-home-opened.js';
import { usergroupChanged } from '../team/listeners/usergroup-changed.js';
import { logActionSubmitted } from '../logging/listeners/log-action-submitted.js';
import { settingsSubmitted } from '../team/listeners/settings-submitted.js';
import { storyReaction } from '../digest/listeners/story-reaction.js';
import { storyDecision } from '../digest/listeners/story-decision.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(COMMANDS.logKnock, logKnockCommand(deps));
  app.command(COMMANDS.logAction, logActionCommand(deps));
  app.command(COMMANDS.groundwork, groundworkCommand(deps));
  app.action(ACTIONS.chooseTactic, chooseTactic(deps));
  app.action(ACTIONS.undoAction, undoAction(deps));
  app.action(ACTIONS.homeLogAction, openLogModalFromHome(deps));
  app.action(ACTIONS.homeFindShift, findShiftFromHome(deps));
  app.action(ACTIONS.homeUpcomingTrainings, upcomingTrainingsFromHome(deps));
  app.action(ACTIONS.homeSettings, openSettingsFromHome(deps));
  app.action(ACTIONS.allowStory, storyDecision(deps, 'allowed'));
  app.action(ACTIONS.declineStory, storyDecision(deps, 'declined'));
  app.view(VIEWS.logAction, logActionSubmitted(deps));
  app.view(VIEWS.settings, settingsSubmitted(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('subteam_members_changed', usergroupChanged(deps));
  app.event('subteam_updated', usergroupChanged(deps));
  app.event('reaction_added', storyReaction(deps));
}
