// A short title for each rule, as the findings list and the status bar name them.
import type { CheckCode } from '../core/check/checker';

export const TITLES: Record<CheckCode, string> = {
  misquote: 'Misquote',
  'rendering-as-words': 'Rendering quoted as the speaker’s words',
  'wrong-event-date': 'Wrong date',
  'role-not-held': 'Role not held at that date',
  'role-unconfirmed': 'Role not confirmed past the day it was last checked',
  'inconsistent-spelling': 'Inconsistent spelling',
  'unrecorded-quote': 'Quotation not in the recorded words',
};

