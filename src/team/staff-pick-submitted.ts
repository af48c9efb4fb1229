/**
 * A row chosen from the list a staff command opened when typed without a number (`/shift roster`,
 * `/training attendance` …): the permission check, the list's own metadata and choice, then the list
 * gives way to that row's modal, or the reason there is none shows on the field.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { SignupDeps } from '../signups/deliver-outbox.js';
import type { ListenerDeps } from '../slack/deps.js';
import { failureText } from '../slack/failure.js';
import { noticeModal } from '../slack/notice-modal.js';
import { teamIdOf } from '../slack/payload.js';
import { pickInputs, type PickRequest } from '../slack/pick-modal.js';
import { readInputs, stateValuesOf } from '../slack/read-payload.js';
import { requireRole, type GuardedEntry } from './permissions.js';

export interface StaffPick<P extends string> {
  entry: GuardedEntry;
  blockId: string;
  /** What the rows are ("shift"), for the answers. */
  noun: string;
  /** A command that opens the list again, for a list whose metadata is not what the app wrote. */
  again: string;
  readMetadata(privateMetadata: unknown): PickRequest<P> | null;
  build(deps: SignupDeps, options: PickRequest<P> & { teamId: string; userId: string; id: number; now: Date }): Promise<{ ok: true; view: ModalView } | { ok: false; text: string }>;
}

export function staffPickSubmitted<P extends string>(spec: StaffPick<P>) {
  const inputs = pickInputs(spec.blockId, spec.noun);
  return ({ database, logger, clock }: ListenerDeps) =>
    async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
      const deps = { db: database.db, client, logger };
      const teamId = teamIdOf(body);
      const userId = body.user.id;
      try {
        const allowed = await requireRole({ ...deps, teamId, userId, entry: spec.entry, refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }) });
        if (!allowed) return;
        const request = spec.readMetadata(view.private_metadata);
        if (!request) {
          await ack({ response_action: 'update', view: noticeModal(`Which ${spec.noun}?`, `This list is out of date, so nothing was opened. Type the command again, e.g. \`${spec.again}\`.`) });
          return;
        }
        const read = readInputs(stateValuesOf(view) ?? {}, inputs);
        if (!read.ok) {
          await ack({ response_action: 'errors', errors: read.errors });
          return;
        }
        const found = await spec.build(deps, { ...request, teamId, userId, id: read.data[spec.blockId]!, now: clock() });
        if (!found.ok) {
          await ack({ response_action: 'errors', errors: { [spec.blockId]: found.text } });
          return;
        }
        await ack({ response_action: 'update', view: found.view });
      } catch (error) {
        logger.error(`Opening a chosen ${spec.noun} failed: ${String(error)}`);
        await ack({ response_action: 'errors', errors: { [spec.blockId]: failureText(error, 'read') } });
      }
    };
}
