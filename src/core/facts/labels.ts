import * as l10n from '@vscode/l10n';
import type { FactKind, Status } from '../types';

// The names a writer reads for a fact's kind and status, in the display
// language (the pack and the code keep the English ids).

/** A status as the hover card, the picker, completions and the facts view name it. */
export function statusLabel(status: Status): string {
  switch (status) {
    case 'confirmed':
      return l10n.t('confirmed');
    case 'reported':
      return l10n.t('reported');
    case 'disputed':
      return l10n.t('disputed');
  }
}

/** A kind of one fact ("person"). */
export function kindLabel(kind: FactKind): string {
  switch (kind) {
    case 'person':
      return l10n.t('person');
    case 'role':
      return l10n.t('role');
    case 'event':
      return l10n.t('event');
    case 'place':
      return l10n.t('place');
    case 'organisation':
      return l10n.t('organisation');
    case 'agreement':
      return l10n.t('agreement');
    case 'provision':
      return l10n.t('provision');
    case 'figure':
      return l10n.t('figure');
    case 'term':
      return l10n.t('term');
    case 'quote':
      return l10n.t('quote');
  }
}

/** The heading of a kind's facts ("People"), in the picker, completions and the facts view. */
export function kindTitle(kind: FactKind): string {
  switch (kind) {
    case 'person':
      return l10n.t('People');
    case 'role':
      return l10n.t('Roles');
    case 'event':
      return l10n.t('Events and dates');
    case 'place':
      return l10n.t('Places');
    case 'organisation':
      return l10n.t('Organisations');
    case 'agreement':
      return l10n.t('Agreements');
    case 'provision':
      return l10n.t('Provisions');
    case 'figure':
      return l10n.t('Figures');
    case 'term':
      return l10n.t('Terms');
    case 'quote':
      return l10n.t('Quotes');
  }
}
