/**
 * What staff asked for with `/shift …`: new, edit, cancel or roster, optionally naming a shift by
 * its number ("/shift roster 12" or "#12"). Pure: the text in, a request out.
 */
export type ShiftRequest =
  | { kind: 'new' }
  | { kind: 'edit' | 'cancel' | 'roster'; shiftId: number | null }
  | { kind: 'help'; problem?: string };

export const SHIFT_USAGE = '`/shift new` · `/shift edit` · `/shift cancel` · `/shift roster` (add a shift number, e.g. `/shift roster 12`, to skip the list)';

export function parseShiftText(text: string): ShiftRequest {
  const [first = '', second, ...rest] = text.trim().split(/\s+/).filter((word) => word !== '');
  const subcommand = first.toLowerCase();
  if (subcommand === '' || subcommand === 'help') return { kind: 'help' };
  if (subcommand === 'new' || subcommand === 'create' || subcommand === 'schedule') {
    return second === undefined ? { kind: 'new' } : { kind: 'help', problem: '`/shift new` takes nothing after it: the details go in the form it opens.' };
  }
  if (subcommand === 'edit' || subcommand === 'cancel' || subcommand === 'roster') {
    if (second === undefined) return { kind: subcommand, shiftId: null };
    const id = /^#?(\d{1,12})$/.exec(second)?.[1];
    if (!id || rest.length > 0) return { kind: 'help', problem: `"${second.slice(0, 30)}" is not a shift number. Leave it out to choose from a list.` };
    return { kind: subcommand, shiftId: Number(id) };
  }
  return { kind: 'help', problem: `I don't know "/shift ${first.slice(0, 30)}".` };
}
