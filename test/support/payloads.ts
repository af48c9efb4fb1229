/**
 * Interactivity payloads shaped like the ones Slack sends (trimmed to the fields Bolt and
 * Groundwork read), so tests post what a real click or submission would.
 */
import { TACTICS, isTacticId } from '../../src/domain/tactics.js';
import { FAKE_TEAM_ID } from './fake-slack.js';
import { userOf } from './slack-request.js';

type StateValue = Record<string, unknown> & { type: string };
export type StateValues = Record<string, Record<string, StateValue>>;

export interface LogModalInput {
  tacticId?: string;
  date?: string;
  counts?: Record<string, string>;
  place?: string;
  note?: string;
  story?: string;
  feature?: boolean;
}

/** The state a filled-in "Log an action" modal submits. */
export function logModalState(input: LogModalInput): StateValues {
  const text = (value: string | undefined): StateValue => ({ type: 'plain_text_input', value: value ?? null });
  const values: StateValues = {
    tactic: { choose_tactic: { type: 'static_select', selected_option: input.tacticId ? { value: input.tacticId, text: { type: 'plain_text', text: input.tacticId } } : null } },
    date: { value: { type: 'datepicker', selected_date: input.date ?? null } },
    place: { value: text(input.place) },
    note: { value: text(input.note) },
    story: { value: text(input.story) },
    feature: { value: { type: 'checkboxes', selected_options: input.feature ? [{ value: 'feature', text: { type: 'plain_text', text: 'Feature' } }] : [] } },
  };
  // Slack sends every input of the view, the counts left empty too (as null).
  const units = input.tacticId && isTacticId(input.tacticId) ? TACTICS[input.tacticId].units : [];
  for (const unit of units) values[`count_${unit}`] = { value: { type: 'number_input', value: null } };
  for (const [unit, amount] of Object.entries(input.counts ?? {})) {
    values[`count_${unit}`] = { value: { type: 'number_input', value: amount } };
  }
  return values;
}

/**
 * A modal's submission. `values` and `privateMetadata` may be of any shape, to post what Slack would
 * never send; `state` replaces the whole `view.state` (undefined leaves it out).
 */
export function viewSubmission(options: {
  callbackId: string;
  viewId: string;
  values: Record<string, unknown>;
  privateMetadata: unknown;
  userId?: string;
  state?: unknown;
}) {
  const user = userOf(options.userId ?? 'U0VOLUNTEER');
  const state = 'state' in options ? options.state : { values: options.values };
  return {
    type: 'view_submission',
    team: { id: FAKE_TEAM_ID, domain: 'groundwork-test' },
    user,
    api_app_id: 'A0GROUND',
    token: 'deprecated-verification-token',
    trigger_id: `trigger.view.${options.viewId}`,
    view: {
      id: options.viewId,
      team_id: FAKE_TEAM_ID,
      type: 'modal',
      callback_id: options.callbackId,
      private_metadata: options.privateMetadata,
      hash: `hash.${options.viewId}`,
      title: { type: 'plain_text', text: 'Log an action' },
      blocks: [],
      state,
      app_id: 'A0GROUND',
      bot_id: 'B0BOT',
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/** A click on a block element; `container` says whether it came from a message or a modal. */
export function blockAction(options: {
  actionId: string;
  value?: string;
  selectedOption?: string;
  userId?: string;
  responseUrl?: string;
  view?: { id: string; hash: string; callbackId: string; privateMetadata: string; type?: 'modal' | 'home' };
}) {
  const user = userOf(options.userId ?? 'U0VOLUNTEER');
  const action = options.selectedOption
    ? { type: 'static_select', action_id: options.actionId, block_id: 'tactic', selected_option: { value: options.selectedOption, text: { type: 'plain_text', text: options.selectedOption } }, action_ts: '1700000000.1' }
    : { type: 'button', action_id: options.actionId, block_id: 'b1', value: options.value, text: { type: 'plain_text', text: 'Button' }, action_ts: '1700000000.1' };
  return {
    type: 'block_actions',
    team: { id: FAKE_TEAM_ID, domain: 'groundwork-test' },
    user,
    api_app_id: 'A0GROUND',
    token: 'deprecated-verification-token',
    trigger_id: `trigger.action.${Date.now()}`,
    actions: [action],
    ...(options.view
      ? {
          container: { type: 'view', view_id: options.view.id },
          view: {
            id: options.view.id,
            hash: options.view.hash,
            type: options.view.type ?? 'modal',
            callback_id: options.view.callbackId,
            private_metadata: options.view.privateMetadata,
            team_id: FAKE_TEAM_ID,
            blocks: [],
            state: { values: {} },
          },
        }
      : {
          container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0GENERAL', is_ephemeral: true },
          channel: { id: 'C0GENERAL', name: 'general' },
          response_url: options.responseUrl,
        }),
  };
}

/** A click on a button of the App Home tab: from a view of type "home", with no response_url and no channel. */
export function homeButtonAction(actionId: string, userId = 'U0VOLUNTEER') {
  const { response_url: _url, channel: _channel, ...click } = blockAction({ actionId, userId }) as ReturnType<typeof blockAction> & { response_url?: string; channel?: unknown };
  return {
    ...click,
    container: { type: 'view', view_id: 'VHOME' },
    view: { id: 'VHOME', type: 'home', team_id: FAKE_TEAM_ID, blocks: [], private_metadata: '', callback_id: '', hash: 'hhome', state: { values: {} } },
  };
}
