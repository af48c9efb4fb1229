/** RSVP to a training (announcement, /trainings modal, digest, a refused shift claim). See ../rsvp-button.ts for how the answer is shown. */
import { rsvpButton } from '../rsvp-button.js';

export const rsvpTraining = rsvpButton('rsvp');
