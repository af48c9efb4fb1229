/** `/segment` (staff): opens the segments modal, loading at once and filled once the counts are read. */
import type { CommandArgs, ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { commandModalTarget, openThenFill } from '../../slack/open-modal.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { todayIn } from '../../domain/dates.js';
import { displayTimeZone } from '../../team/time-zone.js';
import { segmentCounts, segmentMembers } from '../queries/segments.js';
import { invitationSummaries } from '../queries/invitations.js';
import { PREVIEW_NAMES, segmentsModal, segmentsToShow } from '../views/segments-modal.js';

/** The latest invitations shown with their conversions. */
const INVITATIONS_SHOWN = 5;

export function segmentCommand({ database, logger, clock }: ListenerDeps) {
  return async ({ command, ack, client }: CommandArgs): Promise<void> => {
    const db = database.db;
    const teamId = command.team_id;
    try {
      const allowed = await requireRole({ client, db, logger, teamId, userId: command.user_id, entry: GUARDED.segmentCommand, refuse: (message) => ack({ response_type: 'ephemeral', ...message }) });
      if (!allowed) return;
    } catch (error) {
      logger.error(`/segment failed: ${String(error)}`);
      await ack({ response_type: 'ephemeral', ...failureReply(error, 'read') });
      return;
    }
    await ack();
    const now = clock();
    await openThenFill({
      ...commandModalTarget(command, client, logger),
      title: 'Segments',
      build: async () => {
        const today = todayIn(await displayTimeZone(db, teamId), now);
        const counts = await segmentCounts(db, teamId, today);
        const segments = await Promise.all(
          segmentsToShow(counts).map(async (id) => ({ id, count: counts[id] ?? 0, preview: await segmentMembers(db, teamId, id, today, PREVIEW_NAMES) })),
        );
        return segmentsModal(segments, await invitationSummaries(db, teamId, INVITATIONS_SHOWN));
      },
    });
  };
}
