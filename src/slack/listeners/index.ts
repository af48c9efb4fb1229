/** Registers every listener. One file per listener; this is the only place that routes to them. */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { ACTIONS, COMMANDS, VIEWS } from '../ids.js';
import { chooseTactic } from './actions/choose-tactic.js';
import { undoAction } from './actions/undo-action.js';
import { logActionCommand } from './commands/log-action.js';
import { logKnockCommand } from './commands/log-knock.js';
import { logActionSubmitted } from './views/log-action-submitted.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(COMMANDS.logKnock, logKnockCommand(deps));
  app.command(COMMANDS.logAction, logActionCommand(deps));
  app.action(ACTIONS.chooseTactic, chooseTactic(deps));
  app.action(ACTIONS.undoAction, undoAction(deps));
  app.view(VIEWS.logAction, logActionSubmitted(deps));
}
