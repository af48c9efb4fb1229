/** Pass on a seat offered from the waitlist, so the next person gets it. See ../seat-button.ts for how the answer is shown. */
import { seatButton } from '../seat-button.js';

export const passOffer = seatButton('pass');
