/**
 * Groundwork is installed in one workspace, and its data belongs to that workspace's group. A request
 * signed with our secret can still come from another workspace (the same app installed twice, Slack
 * Connect, an org-wide install): it is refused before any listener runs, and logged.
 */
import type { AnyMiddlewareArgs, Logger, Middleware } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import { plainReply } from './messages.js';
import { describeRequest, teamIdOf } from './payload.js';

export interface InstalledIdentity {
  teamId: string;
  botId: string;
  botUserId: string;
}

/** Asks Slack (auth.test) which workspace and bot user the token belongs to. */
export async function installedIdentity(token: string, clientOptions: WebClientOptions): Promise<InstalledIdentity> {
  let answer;
  try {
    // A few retries, not the client's default half hour: start-up should say soon what is wrong.
    answer = await new WebClient(token, { retryConfig: { retries: 3 }, ...clientOptions }).auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    throw new Error(
      code ? `Slack refused SLACK_BOT_TOKEN (${code}): copy it again from OAuth & Permissions` : `Could not reach Slack to check SLACK_BOT_TOKEN: ${(error as Error).message}`,
    );
  }
  if (!answer.team_id || !answer.bot_id || !answer.user_id) throw new Error('SLACK_BOT_TOKEN is not a bot token of a workspace (auth.test named no team or bot)');
  return { teamId: answer.team_id, botId: answer.bot_id, botUserId: answer.user_id };
}

const OTHER_WORKSPACE_TEXT = ':no_entry: This Groundwork is installed in another workspace, so it cannot act on requests from this one. Nothing was changed.';

/** Global middleware: only requests from `installedTeamId` reach the listeners. */
export function onlyInstalledWorkspace(installedTeamId: string, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const teamId = requestTeamId(args);
    if (teamId === installedTeamId) {
      await args.next();
      return;
    }
    logger.warn(`Refused ${describeRequest(args)} from workspace ${teamId ?? '(none)'}: installed in ${installedTeamId}`);
    // Events were acknowledged by Bolt already; everything else is acknowledged without doing anything.
    if (!('ack' in args) || !args.ack) return;
    if ('command' in args) await args.ack({ response_type: 'ephemeral', ...plainReply(OTHER_WORKSPACE_TEXT) });
    else await (args.ack as () => Promise<void>)();
  };
}

/** The workspace a request acts in: a command's and an event's team_id, an interaction's team (see teamIdOf). */
function requestTeamId(args: AnyMiddlewareArgs): string | undefined {
  if ('command' in args) return args.command.team_id;
  if ('event' in args) return (args.body as { team_id?: string }).team_id;
  return teamIdOf(args.body as Parameters<typeof teamIdOf>[0]) || undefined;
}
