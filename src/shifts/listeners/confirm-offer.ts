/** Confirm a seat offered from the waitlist, before its deadline. See ../seat-button.ts for how the answer is shown. */
import { seatButton } from '../seat-button.js';

export const confirmOffer = seatButton('confirm');
