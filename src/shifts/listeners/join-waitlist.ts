/** Join a full shift's waitlist. See ../seat-button.ts for how the answer is shown. */
import { seatButton } from '../seat-button.js';

export const joinWaitlist = seatButton('wait');
