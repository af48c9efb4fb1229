/** Claim a seat on a shift (announcement, /shifts modal). See ../seat-button.ts for how the answer is shown. */
import { seatButton } from '../seat-button.js';

export const claimShift = seatButton('claim');
