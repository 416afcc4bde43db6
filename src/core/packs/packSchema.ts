import { PACK_SHAPES, type Shape } from './packLoader';

/** One-line descriptions shown by the YAML extension when completing pack files. */
const DOCS: Record<string, string> = {
  pack: 'The pack: its id, title, version and language.',
  sources: 'Where the facts come from: each source has an id that citations name.',
  facts: 'The facts: people, roles, events, places, organisations, agreements, provisions, figures, terms and quotes.',
  id: 'A stable id: lowercase letters, digits, ".", "_" and "-".',
  kind: 'What this is.',
  label: 'A short name, shown in hovers, completions and the picker.',
  text: "For a fact: the words inserted into a draft, in the pack's own words ({date} and {endDate} are written in the writer's date style). For a wording: the quoted words, exactly.",
  aliases: 'Every phrase that should show this fact on hover and in completion: spellings, Cyrillic, short forms.',
  dateAliases: 'Whether "23 June", "June 23, 2025" and the like are generated from `date` (default: true for events).',
  citations: 'The sources behind this, each with a short exact excerpt (evidence) and where it is (locator).',
  source: 'The id of a source in this or another pack.',
  evidence: 'A short excerpt of the source, copied exactly (quote marks and dashes included).',
  locator: 'Where in the source: paragraph, page, timestamp.',
  status:
    'Checked against the citations: confirmed needs an official record or two independent publishers; reported is one source; disputed means sources disagree.',
  date: 'An ISO date: YYYY-MM-DD, or YYYY-MM / YYYY where the day is not known.',
  endDate: 'Last day of an event that spans several days.',
  describedBy:
    'For an event: the words prose uses for it besides its aliases, so that the check knows it by what a sentence says: who takes part (its `related` people and organisations), where (`place`), and what happens.',
  actions: 'What happens, as prose says it: "signed", "talks", "met", "ratified", "appointed", "opened".',
  words: 'Other words that name the event together with an action: "century-long pact", "Downing Street".',
  roles: 'For a person: each role held, with from/to dates and citations.',
  role: 'The id of a fact of kind role.',
  from: 'First day in the role.',
  to: 'Last day in the role; leave out while it holds.',
  speaker: 'For a quote: the id of the person who spoke.',
  wordings: 'For a quote: every known wording, each verbatim, a translation or a rendering, with its source.',
  preferred: 'The wording inserted by default: mark exactly one.',
  by: 'Who translated or rendered this wording.',
  variants: 'Other values that some sources give: the fact is then disputed.',
  textFile: 'A local copy of the source text, relative to the pack file: every excerpt attributed to this source is checked against it verbatim.',
  publisher: 'Who published the source: two citations from different publishers confirm a fact.',
  via: 'Who republished it, where the address is a republication.',
  url: 'The address where the source can be read.',
  basedOn: 'The sources this one rewrites or republishes: they count as one witness with it.',
  languages:
    'The fact in other languages, keyed by language tag (uk, pt-BR): its label, the text inserted in a document in that language, and its names there.',
  name: 'For a person: the parts of the name in this language (given, patronymic, family, gender), from which its grammatical cases are made.',
  given: 'The given name.',
  patronymic: 'The patronymic, where the language uses one.',
  family: 'The family name.',
  gender: 'The grammatical gender the name is declined in.',
  forms: 'Inflected forms written by hand, where no library makes them (e.g. "у Лондоні").',
  checked: 'The day these facts were last checked against the record: an open-ended role or a current figure is a claim as of this day.',
};

type JsonSchema = Record<string, unknown>;

function toSchema(shape: Shape, key?: string): JsonSchema {
  const description = key ? DOCS[key] : undefined;
  const withDoc = (s: JsonSchema): JsonSchema => (description ? { description, ...s } : s);
  switch (shape.type) {
    case 'string':
      return withDoc({
        type: 'string',
        ...(shape.minLength ? { minLength: shape.minLength } : {}),
        ...(shape.maxLength ? { maxLength: shape.maxLength } : {}),
        ...(shape.pattern ? { pattern: shape.pattern.source } : {}),
      });
    case 'date':
      return withDoc({ type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' });
    case 'number':
      return withDoc({ type: 'number' });
    case 'boolean':
      return withDoc({ type: 'boolean' });
    case 'enum':
      return withDoc({ enum: [...shape.values] });
    case 'array':
      return withDoc({
        type: 'array',
        items: toSchema(shape.items),
        ...(shape.minItems ? { minItems: shape.minItems } : {}),
        ...(shape.maxItems ? { maxItems: shape.maxItems } : {}),
      });
    case 'object':
      return withDoc({
        type: 'object',
        additionalProperties: false,
        required: Object.entries(shape.fields)
          .filter(([, f]) => f.required)
          .map(([k]) => k),
        properties: Object.fromEntries(Object.entries(shape.fields).map(([k, f]) => [k, toSchema(f.shape, k)])),
      });
    case 'record':
      return withDoc({
        type: 'object',
        propertyNames: toSchema(shape.keys),
        additionalProperties: toSchema(shape.values),
        ...(shape.maxEntries ? { maxProperties: shape.maxEntries } : {}),
      });
  }
}

/** The JSON Schema of a pack file, generated from the loader's own shapes so that the two cannot drift apart. */
export function packJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://agreement-cite.invalid/schema/factpack.schema.json',
    title: 'Agreement Cite fact pack',
    description: "A fact pack: metadata, sources and facts with citations. The same format serves the bundled pack and writers' own packs.",
    type: 'object',
    additionalProperties: false,
    required: ['pack', 'sources', 'facts'],
    properties: {
      pack: toSchema(PACK_SHAPES.pack, 'pack'),
      sources: { description: DOCS.sources, type: 'array', items: toSchema(PACK_SHAPES.source) },
      facts: { description: DOCS.facts, type: 'array', items: toSchema(PACK_SHAPES.fact) },
    },
  };
}
