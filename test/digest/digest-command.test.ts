import { describe, expect, it } from 'vitest';
import { UsageError, digestCommand } from '../../src/digest/digest-command.js';

describe('npm run digest', () => {
  it.each([
    [[], 'Say --preview or --post'],
    [['--preview', '--post'], 'Say --preview or --post'],
    [['--preview', '--week', '2026-02-30'], '--week 2026-02-30 is not a date like 2026-11-29'],
    [['--post', '--week', '2026-11-29'], '--week works with --preview'],
    [['--post', '--demo'], '--demo works with --preview only'],
    [['--preview', '--force'], '--force goes with --post'],
    [['--preview', '--colour'], "Unknown option '--colour'"],
  ])('refuses %j with a clear reason before touching any database', async (args, reason) => {
    const error = await digestCommand(args, () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(reason);
  });
});
