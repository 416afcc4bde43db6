import type { WordToken } from '../check/wordDiff';

/**
 * Forms of a word that are not a difference in words: a contraction and its
 * expansion ("we're" / "we are"), and a spelling variant ("defence" /
 * "defense", "organise" / "organize", "programme" / "program"). Quotations
 * and recorded wordings are compared in these canonical forms; a diff still
 * shows each text's own characters.
 */

const BE_HAVE_S = ['he', 'she', 'it', 'that', 'there', 'what', 'who', 'here', 'where', 'how'];
const PERSONS = ['i', 'you', 'he', 'she', 'it', 'we', 'they', 'that', 'there', 'who'];
const NOT_VERBS = ['do', 'does', 'did', 'is', 'are', 'was', 'were', 'have', 'has', 'had', 'could', 'should', 'would', 'must', 'need', 'might', 'ought'];

interface Tables {
  /** Two words that a contraction writes as one: "we are" → "we're". */
  readonly pairs: Map<string, string>;
  /** Spelling variants, UK → the canonical (US) form, where the -ise and -yse rules do not cover them. */
  readonly spellings: Map<string, string>;
}

let tables: Tables | undefined;

/** Built when a quotation is first compared, not when the extension loads. */
function wordTables(): Tables {
  return (tables ??= { pairs: contractionPairs(), spellings: spellingVariants() });
}

function contractionPairs(): Map<string, string> {
  const pairs = new Map<string, string>();
  const pair = (a: string, b: string, contracted: string): void => void pairs.set(`${a} ${b}`, contracted);
  pair('i', 'am', "i'm");
  for (const p of ['you', 'we', 'they', 'who', 'what']) pair(p, 'are', `${p}'re`);
  for (const p of BE_HAVE_S) {
    pair(p, 'is', `${p}'s`);
    pair(p, 'has', `${p}'s`);
  }
  for (const p of ['i', 'you', 'we', 'they', 'who', 'could', 'should', 'would', 'might', 'must']) pair(p, 'have', `${p}'ve`);
  for (const p of PERSONS) {
    pair(p, 'will', `${p}'ll`);
    pair(p, 'would', `${p}'d`);
    pair(p, 'had', `${p}'d`);
  }
  for (const v of NOT_VERBS) pair(v, 'not', `${v}n't`);
  pair('can', 'not', "can't");
  pair('will', 'not', "won't");
  pair('shall', 'not', "shan't");
  pair('let', 'us', "let's");
  return pairs;
}

/** One word that stands for a contraction: "cannot". */
const SINGLE = new Map<string, string>([['cannot', "can't"]]);

/** Spelling variants listed in pairs, UK/US. */
const VARIANTS = [
  'defence/defense defences/defenses offence/offense offences/offenses licence/license licences/licenses pretence/pretense',
  'programme/program programmes/programs catalogue/catalog catalogues/catalogs dialogue/dialog dialogues/dialogs analogue/analog grey/gray',
  'centre/center centres/centers centred/centered theatre/theater theatres/theaters metre/meter metres/meters kilometre/kilometer kilometres/kilometers litre/liter fibre/fiber calibre/caliber manoeuvre/maneuver manoeuvres/maneuvers',
  'jewellery/jewelry aluminium/aluminum sceptical/skeptical cheque/check tonne/ton tonnes/tons ageing/aging judgement/judgment acknowledgement/acknowledgment enrol/enroll fulfil/fulfill',
];

/** -our words: colour → color, and their derived forms. */
const OUR_STEMS = [
  'colour',
  'honour',
  'labour',
  'favour',
  'neighbour',
  'behaviour',
  'armour',
  'endeavour',
  'harbour',
  'rumour',
  'vigour',
  'valour',
  'humour',
  'savour',
  'splendour',
  'parlour',
  'flavour',
];
const OUR_ENDINGS = ['', 's', 'ed', 'ing', 'able', 'ite', 'ites', 'ed', 'ful', 'ing', 'er', 'ers', 'ly', 'hood', 'hoods', 'ised', 'ized'];

/** Verbs whose UK forms double the l: travelled → traveled. */
const DOUBLED_L_STEMS = [
  'travel',
  'cancel',
  'model',
  'label',
  'fuel',
  'signal',
  'total',
  'level',
  'channel',
  'counsel',
  'equal',
  'dial',
  'marvel',
  'quarrel',
  'rival',
  'shovel',
  'tunnel',
  'jewel',
  'duel',
  'pedal',
  'panel',
  'funnel',
  'initial',
];
const DOUBLED_L_ENDINGS = ['ed', 'ing', 'er', 'ers'];

function spellingVariants(): Map<string, string> {
  const spellings = new Map<string, string>();
  for (const list of VARIANTS) {
    for (const entry of list.split(' ')) {
      const [uk, us] = entry.split('/');
      spellings.set(uk, us);
    }
  }
  for (const stem of OUR_STEMS) {
    const us = stem.replace(/our$/, 'or');
    for (const end of OUR_ENDINGS) spellings.set(stem + end, us + end);
  }
  for (const stem of DOUBLED_L_STEMS) {
    for (const end of DOUBLED_L_ENDINGS) spellings.set(`${stem}l${end}`, stem + end);
  }
  return spellings;
}

/** Words ending in -ise that are not the British spelling of an -ize word. */
const ISE_WORDS = new Set([
  'advise',
  'arise',
  'chastise',
  'circumcise',
  'comprise',
  'compromise',
  'concise',
  'demise',
  'despise',
  'devise',
  'disguise',
  'enterprise',
  'excise',
  'exercise',
  'expertise',
  'franchise',
  'improvise',
  'incise',
  'merchandise',
  'otherwise',
  'precise',
  'premise',
  'promise',
  'revise',
  'rise',
  'surmise',
  'supervise',
  'surprise',
  'televise',
  'treatise',
  'wise',
  'noise',
  'poise',
  'raise',
  'praise',
  'cruise',
  'guise',
  'likewise',
  'clockwise',
  'sunrise',
  'reprise',
  'apprise',
  'advertise',
  'chemise',
  'cerise',
  'marquise',
  'louise',
  'denise',
  'elise',
  'anise',
  'paradise',
  'mortise',
  'valise',
  'porpoise',
  'tortoise',
  'vise',
  'bruise',
  'braise',
  'prise',
  'upraise',
  'appraise',
]);

const ISE = /^(\p{L}{3,})is(e|es|ed|ing|ation|ations|er|ers)$/u;
const YSE = /^(anal|paral|catal|dial|electrol|hydrol)ys(e|es|ed|ing)$/;

/** A word's canonical spelling. */
export function canonicalSpelling(word: string): string {
  const listed = wordTables().spellings.get(word);
  if (listed) return listed;
  const m = ISE.exec(word);
  if (m) {
    const base = `${m[1]}ise`;
    // "promised" is not "promized"; a word of the exceptions keeps its s in every form.
    if (!ISE_WORDS.has(base) && !ISE_WORDS.has(`${m[1].replace(/^(?:re|un|dis|pre|over|under|mis|sur)/, '')}ise`)) return `${m[1]}iz${m[2]}`;
  }
  const y = YSE.exec(word);
  if (y) return `${y[1]}yz${y[2]}`;
  return word;
}

/**
 * The words of a text in canonical form: contractions written out in full
 * are joined into one word ("we are" → "we're", spanning both), and each
 * word takes its canonical spelling. Positions still point at the text.
 */
export function canonicalWords(words: readonly WordToken[]): WordToken[] {
  const { pairs } = wordTables();
  const out: WordToken[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    const joined = next ? pairs.get(`${w.text} ${next.text}`) : undefined;
    if (joined) {
      out.push({ text: joined, start: w.start, end: next!.end });
      i++;
      continue;
    }
    const single = SINGLE.get(w.text);
    if (single) {
      out.push({ text: single, start: w.start, end: w.end });
      continue;
    }
    const spelled = w.text.includes("'") ? w.text : canonicalSpelling(w.text);
    out.push(spelled === w.text ? w : { text: spelled, start: w.start, end: w.end });
  }
  return out;
}
