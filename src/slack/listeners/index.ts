/** Registers every listener. One file per listener; this is the only place that routes to them. */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { ACTIONS, COMMANDS, VIEWS } from '../ids.js';
import { chooseTactic } from './actions/choose-tactic.js';
import { findShiftFromHome } from './actions/find-shift-from-home.js';
import { openLogModalFromHome } from './actions/open-log-modal-from-home.js';
import { openSettingsFromHome } from './actions/open-settings-from-home.js';
import { undoAction } from './actions/undo-action.js';
import { upcomingTrainingsFromHome } from './actions/upcoming-trainings-from-home.js';
import { groundworkCommand } from './commands/groundwork.js';
import { logActionCommand } from './commands/log-action.js';
import { logKnockCommand } from './commands/log-knock.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { usergroupChanged } from './events/usergroup-changed.js';
import { logActionSubmitted } from './views/log-action-submitted.js';
import { settingsSubmitted } from './views/settings-submitted.js';

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
  app.view(VIEWS.logAction, logActionSubmitted(deps));
  app.view(VIEWS.settings, settingsSubmitted(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('subteam_members_changed', usergroupChanged(deps));
  app.event('subteam_updated', usergroupChanged(deps));
}
