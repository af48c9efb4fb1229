/** `/groundwork my-data`: acks at once, then sends the file to the person's DM (or says it could not). */
import type { CommandArgs, ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { plainReply } from '../../slack/messages.js';
import { myDataFile } from '../my-data-file.js';
import { sendFileToDm } from '../../slack/send-file-privately.js';
import { myDataOnItsWay, myDataSentComment } from '../views/privacy-views.js';

export async function sendMyDataCommand({ database, logger, clock }: ListenerDeps, { command, ack, client, respond }: CommandArgs): Promise<void> {
  await ack({ response_type: 'ephemeral', ...myDataOnItsWay() });
  const now = clock();
  let file;
  try {
    file = await myDataFile(database.db, command.team_id, command.user_id, now);
  } catch (error) {
    logger.error(`my-data could not read: ${String(error)}`);
    await respond({ response_type: 'ephemeral', ...failureReply(error, 'read') });
    return;
  }
  try {
    await sendFileToDm(client, command.user_id, {
      content: file.json,
      filename: `groundwork-my-data-${now.toISOString().slice(0, 10)}.json`,
      title: 'Your data in Groundwork',
      comment: myDataSentComment(file.rows),
    });
  } catch (error) {
    logger.warn(`my-data could not upload: ${String(error)}`);
    await respond({ response_type: 'ephemeral', ...plainReply(':warning: Slack did not take the file just now, so nothing was sent. Please try again in a minute.') });
  }
}
