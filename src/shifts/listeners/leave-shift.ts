/** Leave a shift (a seat, an offer or the waitlist), until the start. See ../seat-button.ts for how the answer is shown. */
import { seatButton } from '../seat-button.js';

export const leaveShift = seatButton('leave');
