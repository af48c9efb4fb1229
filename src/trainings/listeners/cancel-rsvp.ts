/** Cancel an RSVP (a seat, an offer or the waitlist), until the start. See ../rsvp-button.ts for how the answer is shown. */
import { rsvpButton } from '../rsvp-button.js';

export const cancelRsvp = rsvpButton('cancel');
