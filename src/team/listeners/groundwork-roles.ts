/**
 * `/groundwork grant @person leader|staff|admin` and `/groundwork revoke @person` (admins). The
 * answer comes in the ack; the person concerned hears about a change in a DM from the app.
 */
import type { Kysely } from 'kysely';
import { grantRole, revokeRole, roleFactsOf } from '../queries/roles.js';
import type { DB } from '../../db/schema.js';
import type { Parsed } from '../groundwork-command.js';
import type { GrantableRole } from '../roles.js';
import type { CommandArgs, ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { COMMANDS } from '../../slack/ids.js';
import { GUARDED, requireRole, type GuardedEntry } from '../permissions.js';
import { plainReply, type SlackMessage } from '../../slack/messages.js';
import { grantedReply, revokedReply, roleChangedNotice, type RoleChange } from '../views/role-replies.js';

export async function grantRoleCommand(deps: ListenerDeps, args: CommandArgs, parsed: Parsed<{ userId: string; role: GrantableRole }>): Promise<void> {
  await changeRole(deps, args, GUARDED.grantCommand, parsed, `${COMMANDS.groundwork} grant @maria staff`, async ({ userId, role }, db, teamId, byUserId) => {
    const { previous } = await grantRole(db, teamId, userId, role, byUserId);
    const after = await roleFactsOf(db, teamId, userId);
    return { reply: grantedReply({ userId, role, previous, after, byUserId }), change: previous === role ? null : { granted: role } };
  });
}

export async function revokeRoleCommand(deps: ListenerDeps, args: CommandArgs, parsed: Parsed<{ userId: string }>): Promise<void> {
  await changeRole(deps, args, GUARDED.revokeCommand, parsed, `${COMMANDS.groundwork} revoke @maria`, async ({ userId }, db, teamId, byUserId) => {
    const removed = await revokeRole(db, teamId, userId);
    const after = await roleFactsOf(db, teamId, userId);
    return { reply: revokedReply({ userId, removed, after, byUserId }), change: removed ? { revoked: removed } : null };
  });
}

interface Outcome {
  reply: SlackMessage;
  /** What to tell the person concerned; null when nothing changed. */
  change: RoleChange | null;
}

type Apply<T> = (request: T, db: Kysely<DB>, teamId: string, byUserId: string) => Promise<Outcome>;

/** The shape both subcommands share: check the role, check the text, write, answer, tell the person. */
async function changeRole<T extends { userId: string }>(
  { database, logger }: ListenerDeps,
  { command, ack, client }: CommandArgs,
  entry: GuardedEntry,
  parsed: Parsed<T>,
  example: string,
  apply: Apply<T>,
): Promise<void> {
  const teamId = command.team_id;
  let outcome: Outcome;
  try {
    const allowed = await requireRole({
      client,
      db: database.db,
      logger,
      teamId,
      userId: command.user_id,
      entry,
      refuse: (message) => ack({ response_type: 'ephemeral', ...message }),
    });
    if (!allowed) return;
    if (!parsed.ok) {
      await ack({ response_type: 'ephemeral', ...plainReply(`:thinking_face: ${parsed.problem} Nothing was changed.`, example) });
      return;
    }
    outcome = await apply(parsed, database.db, teamId, command.user_id);
  } catch (error) {
    logger.error(`${entry.id} failed: ${String(error)}`);
    await ack({ response_type: 'ephemeral', ...failureReply(error, 'changed') });
    return;
  }
  await ack({ response_type: 'ephemeral', ...outcome.reply });
  if (outcome.change && parsed.ok && parsed.userId !== command.user_id) {
    await client.chat
      .postMessage({ channel: parsed.userId, ...roleChangedNotice(command.user_id, outcome.change) })
      .catch((error: unknown) => logger.warn(`Could not tell ${parsed.userId} about their new role: ${String(error)}`));
  }
}
