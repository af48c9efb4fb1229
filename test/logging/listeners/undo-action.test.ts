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

describe('an Undo button whose value is not exactly the id we wrote', () => {
  const broken = 'That Undo button is broken; nothing was changed.';
  // Fixed strange values, and near-misses of the real id that a loose read (Number(value)) would have taken for it.
  const values: [name: string, value: (id: string) => string | undefined][] = [
    ...['', '0', '0x10', '1e3', ' 12', '12.0', '-1', '99999999999999999999', '9007199254740993', 'null', '[1]'].map((v): [string, () => string] => [JSON.stringify(v), () => v]),
    ['the id with a space before it', (id) => ` ${id}`],
    ['the id with a newline after it', (id) => `${id}\n`],
    ['the id with a leading zero', (id) => `0${id}`],
    ['the id with a fraction', (id) => `${id}.0`],
    ['the id in hexadecimal', (id) => `0x${Number(id).toString(16)}`],
    ['the id with a plus sign', (id) => `+${id}`],
    ['no value at all', () => undefined],
  ];

  it.each(values)('refuses %s and removes nothing', async (_name, value) => {
    const id = await logAndFindUndo();
    const click = await t().interact(blockAction({ actionId: 'undo_action', value: value(id), userId: 'U0VOLUNTEER', responseUrl: t().slack.responseUrl('undo') }));
    expect(click.status).toBe(200);
    const [answer] = await t().slack.waitFor('response_url');
    expect(answer?.args.text).toBe(broken);
    expect(answer?.args.replace_original).toBe(false);
    expect((await actionRows()).map((r) => String(r.id))).toEqual([id]);
  });
});
