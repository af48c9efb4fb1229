/**
 * A staff button beside one row on the Home tab (Edit / Cancel a shift or a training): the permission
 * check (a home published before a role changed may still show the button), the exact row id the app
 * wrote, then the same modal the slash command opens, or the plain reason why there is none.
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { SignupDeps } from '../signups/deliver-outbox.js';
import type { ListenerDeps } from '../slack/deps.js';
import { openNotice, openThenFill } from '../slack/open-modal.js';
import { teamIdOf } from '../slack/payload.js';
import { readActionValue, rowId } from '../slack/read-payload.js';
import { requireRole, type GuardedEntry } from '../team/permissions.js';

export interface StaffModalFromHome {
  entry: GuardedEntry;
  title: string;
  /** Said when the button's value is not a row id the app wrote; names the command that lists the rows. */
  brokenButton: string;
  build(deps: SignupDeps, options: { teamId: string; userId: string; id: number; now: Date }): Promise<{ ok: true; view: ModalView } | { ok: false; text: string }>;
}

export function staffModalFromHome(spec: StaffModalFromHome) {
  return ({ database, logger }: ListenerDeps) =>
    async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
      await ack();
      const deps = { db: database.db, client, logger };
      const teamId = teamIdOf(body);
      const userId = body.user.id;
      const open = { client, logger, userId, triggerId: body.trigger_id, title: spec.title };
      try {
        const allowed = await requireRole({ ...deps, teamId, userId, entry: spec.entry, refuse: async (message) => void (await openNotice({ ...open, text: message.text })) });
        if (!allowed) return;
        const id = readActionValue(rowId, action.value);
        if (id === null) {
          await openNotice({ ...open, text: spec.brokenButton });
          return;
        }
        await openThenFill({
          ...open,
          build: async () => {
            const found = await spec.build(deps, { teamId, userId, id, now: new Date() });
            return found.ok ? found.view : { notice: found.text };
          },
        });
      } catch (error) {
        logger.error(`Could not open "${spec.title}" from the home tab: ${String(error)}`);
      }
    };
}
