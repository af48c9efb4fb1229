import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../support/harness.js';
import { blockAction } from '../../support/payloads.js';

const t = useTestApp();

const actionRows = () => t().db.database.db.selectFrom('actions').selectAll().execute();

/** Logs a session and returns the value of the Undo button the person sees. */
async function logAndFindUndo(userId = 'U0VOLUNTEER', text = '30 doors 9 talked'): Promise<string> {
  const reply = await t().command('/log-knock', text, { userId });
  const buttons = reply.json?.blocks.flatMap((b: any) => b.elements ?? []);
  const undo = buttons.find((e: any) => e.action_id === 'undo_action');
  expect(undo?.text.text).toBe('Undo');
  return undo.value as string;
}

function clickUndo(value: string, userId = 'U0VOLUNTEER', responseUrl = t().slack.responseUrl('undo')) {
  return t().interact(blockAction({ actionId: 'undo_action', value, userId, responseUrl }));
}

describe('Undo under a confirmation', () => {
  it('removes the report and replaces the confirmation', async () => {
    const value = await logAndFindUndo();
    expect(await actionRows()).toHaveLength(1);
    const click = await clickUndo(value);
    expect(click.status).toBe(200);
    const [answer] = await t().slack.waitFor('response_url');
    expect(answer?.args.replace_original).toBe(true);
    expect(String(answer?.args.text)).toContain('Undone: Door knocking (Recruit · offline)');
    expect(await actionRows()).toHaveLength(0);
  });

  it('says so on a second click and changes nothing else', async () => {
    const keep = await logAndFindUndo();
    // A different report: the same one again minutes later would be held back as a likely repeat.
    const value = await logAndFindUndo('U0VOLUNTEER', '12 doors 2 talked');
    await clickUndo(value);
    await clickUndo(value);
    const answers = await t().slack.waitFor('response_url', 2);
    expect(String(answers[1]?.args.text)).toContain('already undone');
    expect(answers[1]?.args.replace_original).toBe(false);
    expect((await actionRows()).map((r) => String(r.id))).toEqual([keep]);
  });

  it('refuses anyone but the author', async () => {
    const value = await logAndFindUndo('U0AUTHOR');
    await clickUndo(value, 'U0SOMEONE');
    const [answer] = await t().slack.waitFor('response_url');
    expect(String(answer?.args.text)).toContain('Only <@U0AUTHOR>, who logged it, can undo');
    expect(await actionRows()).toHaveLength(1);
  });
});
