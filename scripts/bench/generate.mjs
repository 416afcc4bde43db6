// Deterministic generator of large fact packs and drafts for the benchmark.
// The same seed always gives the same bytes, so runs on different days and
// machines measure the same input.
//
//   generatePack(n, seed)  → { files: [{ name, text }], factCount, sourceCount }
//   generateDraft(facts, bytes, seed) → Markdown text of about `bytes` bytes
//
// Packs are written in the real format (block YAML, as writers and the bundled
// pack write it) and split into files under the loader's 5 MiB limit, as a
// writer with a fact base that large has to. Names are multi-word, with
// spelling variants and Cyrillic forms; events carry dates (and so the
// generated date aliases), people hold dated roles, quotes have verbatim
// wordings, translations and renderings.

/** mulberry32: small, fast, and the same on every platform. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

// ------------------------------------------------------------------ name material

/** Latin and Cyrillic syllables of Ukrainian surnames: pairs keep the two scripts consistent. */
const SYLLABLES = [
  ['Ko', 'Ко'],
  ['Va', 'Ва'],
  ['Len', 'Лен'],
  ['Shev', 'Шев'],
  ['Bon', 'Бон'],
  ['Dar', 'Дар'],
  ['Tka', 'Тка'],
  ['Kra', 'Кра'],
  ['Mel', 'Мель'],
  ['Ny', 'Ни'],
  ['Mo', 'Мо'],
  ['Roz', 'Роз'],
  ['Hry', 'Гри'],
  ['Tsen', 'Цен'],
  ['Pa', 'Па'],
  ['Nas', 'Нас'],
  ['Do', 'До'],
  ['Ro', 'Ро'],
  ['Sav', 'Сав'],
  ['Ly', 'Ли'],
  ['Sen', 'Сен'],
  ['Ku', 'Ку'],
  ['Zhu', 'Жу'],
  ['Ly', 'Лі'],
  ['Ha', 'Га'],
  ['Vol', 'Вол'],
  ['Ste', 'Сте'],
  ['Fe', 'Фе'],
  ['Dor', 'Дор'],
  ['Ma', 'Ма'],
  ['Khar', 'Хар'],
  ['Bi', 'Бі'],
  ['Le', 'Ле'],
  ['Pe', 'Пе'],
  ['Tym', 'Тим'],
  ['Os', 'Ос'],
  ['Ta', 'Та'],
  ['Ras', 'Рас'],
  ['Yar', 'Яр'],
  ['Zo', 'Зо'],
  ['Ler', 'Лер'],
  ['Hol', 'Гол'],
  ['Bur', 'Бур'],
  ['Chor', 'Чор'],
  ['Shyn', 'Шин'],
  ['Pyl', 'Пил'],
  ['Kov', 'Ков'],
  ['Ni', 'Ні'],
];
/** Surname endings, with the transliteration variants writers meet in English-language reports. */
const ENDINGS = [
  { lat: 'enko', cyr: 'енко', variants: [] },
  { lat: 'chuk', cyr: 'чук', variants: ['tchuk'] },
  { lat: 'uk', cyr: 'юк', variants: ['iuk', 'yuk'] },
  { lat: 'yshyn', cyr: 'ишин', variants: ['ishin'] },
  { lat: 'ovych', cyr: 'ович', variants: ['ovich', 'ovitch'] },
  { lat: 'skyi', cyr: 'ський', variants: ['sky', 'skiy', 'skyy'] },
  { lat: 'ak', cyr: 'ак', variants: [] },
  { lat: 'iv', cyr: 'ів', variants: ['yv', 'iw'] },
  { lat: 'ets', cyr: 'ець', variants: ['etz'] },
  { lat: 'ova', cyr: 'ова', variants: [] },
  { lat: 'ko', cyr: 'ко', variants: [] },
  { lat: 'nyk', cyr: 'ник', variants: ['nik'] },
];
const UA_GIVEN = [
  ['Volodymyr', 'Володимир', ['Vladimir']],
  ['Olena', 'Олена', ['Elena']],
  ['Oleksandr', 'Олександр', ['Alexander', 'Oleksander']],
  ['Andrii', 'Андрій', ['Andriy', 'Andrey']],
  ['Yuliia', 'Юлія', ['Yulia', 'Julia']],
  ['Denys', 'Денис', ['Denis']],
  ['Rustem', 'Рустем', []],
  ['Dmytro', 'Дмитро', ['Dmitry', 'Dmitro']],
  ['Iryna', 'Ірина', ['Irina']],
  ['Serhii', 'Сергій', ['Sergiy', 'Sergei']],
  ['Mykola', 'Микола', ['Nikolai']],
  ['Taras', 'Тарас', []],
  ['Oksana', 'Оксана', []],
  ['Kateryna', 'Катерина', ['Katerina']],
  ['Vitalii', 'Віталій', ['Vitaliy']],
  ['Petro', 'Петро', ['Petr']],
  ['Yurii', 'Юрій', ['Yuriy', 'Yuri']],
  ['Halyna', 'Галина', ['Galina']],
  ['Nataliia', 'Наталія', ['Natalia']],
  ['Pavlo', 'Павло', ['Pavel']],
  ['Mykhailo', 'Михайло', ['Mikhail']],
  ['Olha', 'Ольга', ['Olga']],
  ['Ihor', 'Ігор', ['Igor']],
  ['Svitlana', 'Світлана', ['Svetlana']],
];
const UK_GIVEN = [
  'Keir',
  'Rachel',
  'David',
  'John',
  'Sarah',
  'James',
  'Emma',
  'Oliver',
  'Charlotte',
  'William',
  'Sophie',
  'Thomas',
  'Grant',
  'Yvette',
  'Catherine',
  'Andrew',
  'Helen',
  'Richard',
  'Ben',
  'Lucy',
  'Angela',
  'Pat',
  'Liz',
  'Jonathan',
  'Bridget',
  'Luke',
  'Maria',
  'Alistair',
  'Fiona',
  'Hamish',
  'Priya',
  'Imran',
];
const UK_SURNAME_HEADS = [
  'Ash',
  'Brad',
  'Cal',
  'Dun',
  'Ell',
  'Fair',
  'Gar',
  'Hal',
  'Kings',
  'Lang',
  'Mar',
  'Nor',
  'Pen',
  'Red',
  'Shel',
  'Thorn',
  'Wal',
  'Whit',
  'Ald',
  'Brom',
  'Crans',
  'Hart',
];
const UK_SURNAME_TAILS = ['ton', 'ley', 'ford', 'field', 'wood', 'bury', 'mere', 'ridge', 'worth', 'by', 'well', 'more', 'ham', 'stone', 'er', 'ing'];

const LATIN_TO_CYRILLIC = [
  ['shch', 'щ'],
  ['kh', 'х'],
  ['zh', 'ж'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ts', 'ц'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['ye', 'є'],
  ['a', 'а'],
  ['b', 'б'],
  ['c', 'к'],
  ['d', 'д'],
  ['e', 'е'],
  ['f', 'ф'],
  ['g', 'г'],
  ['h', 'г'],
  ['i', 'і'],
  ['j', 'дж'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['q', 'к'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['v', 'в'],
  ['w', 'в'],
  ['x', 'кс'],
  ['y', 'і'],
  ['z', 'з'],
];

/** An approximate Cyrillic spelling of an English name, as Ukrainian outlets write it. */
function toCyrillic(latin) {
  let out = '';
  let i = 0;
  const lower = latin.toLowerCase();
  while (i < lower.length) {
    const hit = LATIN_TO_CYRILLIC.find(([l]) => lower.startsWith(l, i));
    if (hit) {
      const upper = latin[i] !== lower[i];
      out += upper ? hit[1][0].toUpperCase() + hit[1].slice(1) : hit[1];
      i += hit[0].length;
    } else {
      out += latin[i];
      i++;
    }
  }
  return out;
}

const AREAS = [
  ['defence', 'defense', 'оборони'],
  ['drone production', 'drone production', 'виробництва дронів'],
  ['energy security', 'energy security', 'енергетичної безпеки'],
  ['reconstruction', 'reconstruction', 'відбудови'],
  ['cyber security', 'cybersecurity', 'кібербезпеки'],
  ['trade', 'trade', 'торгівлі'],
  ['health', 'health', 'охорони здоровʼя'],
  ['education', 'education', 'освіти'],
  ['maritime security', 'maritime security', 'морської безпеки'],
  ['agriculture', 'agriculture', 'аграрної політики'],
  ['digital transformation', 'digital transformation', 'цифрової трансформації'],
  ['demining', 'demining', 'розмінування'],
  ['air defence', 'air defense', 'протиповітряної оборони'],
  ['critical minerals', 'critical minerals', 'критичних мінералів'],
  ['veterans affairs', "veterans' affairs", 'у справах ветеранів'],
  ['culture', 'culture', 'культури'],
  ['science', 'science', 'науки'],
  ['justice', 'justice', 'юстиції'],
  ['finance', 'finance', 'фінансів'],
  ['infrastructure', 'infrastructure', 'інфраструктури'],
];
const PUBLISHERS = [
  ['Reuters', 'wire'],
  ['AFP', 'wire'],
  ['PA', 'wire'],
  ['Associated Press', 'wire'],
  ['Ukrinform', 'wire'],
  ['Interfax-Ukraine', 'wire'],
  ['BBC News', 'outlet'],
  ['The Guardian', 'outlet'],
  ['The Times', 'outlet'],
  ['Financial Times', 'outlet'],
  ['The Kyiv Independent', 'outlet'],
  ['Ukrainska Pravda', 'outlet'],
  ['Yevropeiska Pravda', 'outlet'],
  ['Censor.NET', 'outlet'],
  ['NV', 'outlet'],
  ['LB.ua', 'outlet'],
  ['Euromaidan Press', 'outlet'],
  ['The Independent', 'outlet'],
  ['Politico Europe', 'outlet'],
  ['Kyiv Post', 'outlet'],
  ['UK Parliament (House of Commons)', 'parliament'],
  ['UK Parliament (House of Lords)', 'parliament'],
  ['Verkhovna Rada of Ukraine', 'parliament'],
  ['GOV.UK', 'government'],
  ['President of Ukraine (official website)', 'government'],
  ['Ministry of Defence of Ukraine', 'government'],
  ['Official Journal of Ukraine', 'official-record'],
  ['UK Treaty Series', 'official-record'],
  ['Wikipedia', 'encyclopedia'],
  ['Telegram', 'social-media'],
];
const VERBS = ['strengthen', 'deepen', 'expand', 'accelerate', 'secure', 'support', 'fund', 'launch', 'protect', 'rebuild'];
const OBJECTS = [
  'our joint production',
  'the partnership',
  'air defence for Ukrainian cities',
  'the supply of drones',
  'investment in the front line',
  'energy links across Europe',
  'training for new brigades',
  'the reconstruction of schools',
  'demining of farmland',
  'the defence industry of both nations',
];
const ADVERBIALS = [
  'this year',
  'for the next decade',
  'without delay',
  'together with our allies',
  'at every stage',
  'for a hundred years',
  'from this summer',
  'as long as it takes',
];
const FILLER = [
  'Analysts noted that progress remained uneven across regions.',
  'The details of the financing were not published at the time.',
  'Officials in both capitals described the talks as constructive.',
  'Several questions about delivery schedules were left open.',
  'Observers pointed to the scale of the commitments involved.',
  'The statement was welcomed by industry groups on both sides.',
  'Critics asked how the programme would be audited.',
  'Further meetings were planned for the autumn.',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// ------------------------------------------------------------------ YAML writing

/** A YAML scalar: plain where that is safe, else double-quoted (JSON strings are valid YAML). */
function y(value) {
  const s = String(value);
  if (/^[A-Za-z\u0400-\u04FF][\w\u0400-\u04FF .,'’()–-]*$/.test(s) && !/[:#]|\s$/.test(s) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(s)) return s;
  return JSON.stringify(s);
}
const flow = (list) =>
  `[${list.map((a) => (/^[A-Za-z\u0400-\u04FF][\w\u0400-\u04FF .'’–-]*$/.test(a) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(a) ? a : JSON.stringify(a))).join(', ')}]`;

function isoDate(r, from = 2014, to = 2025) {
  const year = r.int(from, to);
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
function proseDate(iso, r) {
  const [y0, m, d] = iso.split('-').map(Number);
  const month = MONTHS[m - 1];
  return r.chance(0.7) ? `${d} ${month} ${y0}` : `${month} ${d}, ${y0}`;
}
const cap = (s) => s[0].toUpperCase() + s.slice(1);

// ------------------------------------------------------------------ facts

/**
 * A fact base of `n` facts (plus sources), as plain objects in the pack
 * format, with everything a draft generator needs to mention them.
 */
export function generateFacts(n, seed = 1) {
  const r = prng(seed);
  const usedNames = new Set();
  const usedIds = new Set();
  const idOf = (kind, base) => {
    const slug =
      base
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'x';
    let id = `${kind}.${slug}`;
    for (let i = 2; usedIds.has(id); i++) id = `${kind}.${slug}-${i}`;
    usedIds.add(id);
    return id;
  };

  const sourceCount = Math.max(20, Math.round(n / 12));
  const sources = [];
  for (let i = 0; i < sourceCount; i++) {
    const [publisher, kind] = r.pick(PUBLISHERS);
    const area = r.pick(AREAS)[0];
    const date = isoDate(r, 2022, 2025);
    const src = {
      id: `src-${String(i).padStart(5, '0')}-${date.slice(0, 7)}`,
      title: `${cap(area)}: ${r.pick(['talks in', 'agreement signed in', 'officials meet in', 'statement from'])} ${r.pick(['London', 'Kyiv', 'Lviv', 'Brussels', 'The Hague', 'Odesa'])}`,
      publisher,
      date,
      url: `https://example.org/${publisher.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/${date.replace(/-/g, '/')}/${i}`,
      kind,
      language: r.chance(0.8) ? 'en' : 'uk',
    };
    if (r.chance(0.2)) src.author = `${r.pick(UK_GIVEN)} ${r.pick(UK_SURNAME_HEADS)}${r.pick(UK_SURNAME_TAILS)}`;
    sources.push(src);
  }
  // Citations from two publishers earn "confirmed", from one "reported": a real pack has both.
  const cite = (count) => {
    const out = [];
    const seen = new Set();
    for (let i = 0; i < count; i++) {
      const s = r.pick(sources);
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      const c = { source: s.id };
      if (r.chance(0.6))
        c.evidence = `${r.pick(['officials said', 'according to the statement', 'the report says', 'it was announced that'])} ${r.pick(OBJECTS)} ${r.pick(ADVERBIALS)}`;
      if (r.chance(0.5)) c.locator = `paragraph ${r.int(1, 14)}`;
      out.push(c);
    }
    return out;
  };

  const surname = () => {
    const a = r.pick(SYLLABLES);
    const b = r.pick(SYLLABLES);
    const e = r.pick(ENDINGS);
    const stem = a[0] + b[0].toLowerCase();
    return { lat: stem + e.lat, cyr: a[1] + b[1].toLowerCase() + e.cyr, variants: e.variants.map((v) => stem + v) };
  };

  const facts = [];
  const byKind = { person: [], role: [], event: [], place: [], organisation: [], agreement: [], provision: [], figure: [], term: [], quote: [] };
  const add = (fact, extra = {}) => {
    facts.push(fact);
    byKind[fact.kind].push({ fact, ...extra });
    return fact;
  };

  // Shares as in the bundled pack: people, events and quotes dominate.
  const plan = [
    ['place', 0.07],
    ['organisation', 0.08],
    ['role', 0.08],
    ['person', 0.24],
    ['agreement', 0.03],
    ['provision', 0.07],
    ['event', 0.15],
    ['figure', 0.08],
    ['term', 0.07],
    ['quote', 0.13],
  ];
  const counts = Object.fromEntries(plan.map(([k, share]) => [k, Math.max(1, Math.round(n * share))]));
  counts.person += n - Object.values(counts).reduce((a, b) => a + b, 0);

  for (let i = 0; i < counts.place; i++) {
    const ua = r.chance(0.6);
    const stem = r.pick(SYLLABLES);
    const stem2 = r.pick(SYLLABLES);
    const [tailLat, tailCyr] = ua
      ? r.pick([
          ['ivka', 'івка'],
          ['ove', 'ове'],
          ['ytsia', 'иця'],
          ['horod', 'город'],
          ['pil', 'піль'],
          ['ske', 'ське'],
        ])
      : r.pick([
          ['ton', 'тон'],
          ['bury', 'бері'],
          ['field', 'філд'],
          ['ford', 'форд'],
          ['ham', 'гем'],
          ['by', 'бі'],
        ]);
    let name = stem[0] + stem2[0].toLowerCase() + tailLat;
    if (usedNames.has(name)) name = `${r.pick(['Nova', 'Stara', 'Upper', 'Lower', 'Great'])} ${name}`;
    if (usedNames.has(name)) name = `${name} ${i}`;
    usedNames.add(name);
    const cyr = stem[1] + stem2[1].toLowerCase() + tailCyr;
    const aliases = [name, cyr];
    if (ua && tailLat === 'ivka') aliases.push(name.replace(/ivka$/, 'ivca'));
    add({ id: idOf('place', name), kind: 'place', label: name, text: name, aliases: [...new Set(aliases)], citations: cite(r.int(1, 2)) }, { names: aliases });
  }

  for (let i = 0; i < counts.organisation; i++) {
    const [area, us, cyrArea] = r.pick(AREAS);
    const place = byKind.place.length ? r.pick(byKind.place).fact.label : 'Kyiv';
    const form = r.int(0, 3);
    let label;
    let aliases;
    if (form === 0) {
      label = `${place} Agency for ${cap(area)}`;
      aliases = [label, `${place} ${cap(us)} Agency`, `Агенція ${cyrArea} ${place}`];
    } else if (form === 1) {
      label = `${place} Council on ${cap(area)}`;
      const acronym = `${place[0]}C${area
        .split(' ')
        .map((w) => w[0].toUpperCase())
        .join('')}`;
      aliases = [label, acronym + (i % 97), `Рада ${cyrArea} ${place}`];
    } else if (form === 2) {
      label = `${surname().lat} Foundation for ${cap(area)}`;
      aliases = [label, label.replace(/ for .*/, ' Foundation').replace(/ Foundation Foundation/, ' Foundation')];
    } else {
      label = `${place} ${cap(area)} Works`;
      aliases = [label, `${place} Works`, `${place} ${cap(us)} Plant`];
    }
    if (usedNames.has(label)) label = `${label} (${i})`;
    usedNames.add(label);
    aliases = [...new Set([label, ...aliases.filter((a) => a.length >= 2)])];
    add({ id: idOf('org', label), kind: 'organisation', label, text: `the ${label}`, aliases, citations: cite(r.int(1, 2)) }, { names: aliases });
  }

  for (let i = 0; i < counts.role; i++) {
    const org = byKind.organisation.length ? r.pick(byKind.organisation).fact : undefined;
    const place = byKind.place.length ? r.pick(byKind.place).fact.label : 'Kyiv';
    const [area, us, cyrArea] = r.pick(AREAS);
    const country = r.pick(['Ukraine', 'the United Kingdom']);
    const minister = `Minister of ${cap(area)} of ${country}`;
    let label;
    let aliases;
    // Each office once: an alias shared by hundreds of roles would be no name at all.
    if (!usedNames.has(minister)) {
      label = minister;
      aliases = [
        label,
        `${country === 'Ukraine' ? 'Ukrainian' : 'British'} ${cap(area)} Minister`,
        `Minister of ${cap(us)} of ${country}`,
        `Міністр ${cyrArea}${country === 'Ukraine' ? ' України' : ' Великої Британії'}`,
      ];
    } else if (org && r.chance(0.6)) {
      const deputy = r.chance(0.3) ? 'Deputy ' : '';
      label = `${deputy}Head of the ${org.label}`;
      aliases = [label, `${org.label} ${deputy ? 'deputy head' : 'chief'}`];
    } else {
      const office = r.pick(['Governor', 'Mayor', 'Prosecutor']);
      label = `${office} of ${place}`;
      aliases = [label, `${place} ${office.toLowerCase()}`, `${office} ${place}`];
    }
    if (usedNames.has(label)) label = `${label}, office ${i}`;
    usedNames.add(label);
    aliases = [...new Set([label, ...aliases])];
    add({ id: idOf('role', label), kind: 'role', label, text: label, aliases, citations: cite(r.int(1, 2)) }, { names: aliases });
  }

  const roleById = new Map(byKind.role.map((x) => [x.fact.id, x.fact]));
  for (let i = 0; i < counts.person; i++) {
    const ua = r.chance(0.65);
    let label;
    let aliases;
    let names;
    if (ua) {
      const [given, givenCyr, givenVariants] = r.pick(UA_GIVEN);
      const s = surname();
      label = `${given} ${s.lat}`;
      if (usedNames.has(label)) label = `${given} ${r.pick(['M.', 'O.', 'V.', 'S.', 'I.'])} ${s.lat}`;
      if (usedNames.has(label)) label = `${label} ${i}`;
      aliases = [
        label,
        s.lat,
        `${given[0]}. ${s.lat}`,
        `${givenCyr} ${s.cyr}`,
        s.cyr,
        ...s.variants,
        ...givenVariants.slice(0, 1).map((g) => `${g} ${s.variants[0] ?? s.lat}`),
      ];
    } else {
      const given = r.pick(UK_GIVEN);
      const s = `${r.pick(UK_SURNAME_HEADS)}${r.pick(UK_SURNAME_TAILS)}${r.chance(0.5) ? '' : r.pick(['s', 'e', 'son'])}`;
      label = `${given} ${s}`;
      if (usedNames.has(label)) label = `${given} ${r.pick(['A.', 'J.', 'R.', 'T.'])} ${s}`;
      if (usedNames.has(label)) label = `${label} ${i}`;
      aliases = [label, `${given[0]}. ${s}`, toCyrillic(label), toCyrillic(s)];
      if (r.chance(0.3)) aliases.push(s);
    }
    usedNames.add(label);
    aliases = [...new Set(aliases.filter((a) => a.length >= 2))];
    names = aliases;
    const fact = { id: idOf('person', label), kind: 'person', label, text: label, aliases, citations: cite(r.int(1, 3)) };
    if (byKind.role.length && r.chance(0.7)) {
      fact.roles = [];
      let year = r.int(2014, 2022);
      for (let k = r.int(1, 3); k > 0 && year <= 2025; k--) {
        const role = r.pick(byKind.role).fact;
        const held = { role: role.id, from: `${year}-${String(r.int(1, 12)).padStart(2, '0')}-01`, citations: cite(1).map(({ source }) => ({ source })) };
        year += r.int(1, 3);
        if (k > 1 && year <= 2025) held.to = `${year - 1}-12-31`;
        fact.roles.push(held);
      }
      const last = roleById.get(fact.roles[fact.roles.length - 1].role);
      if (last) fact.text = `${label}, ${last.label}`;
    }
    add(fact, { names });
  }

  for (let i = 0; i < counts.agreement; i++) {
    const [area, us, cyrArea] = r.pick(AREAS);
    const year = r.int(2015, 2025);
    const place = byKind.place.length ? r.pick(byKind.place).fact.label : 'Kyiv';
    let label = `UK–Ukraine ${area} agreement of ${year}`;
    if (usedNames.has(label)) label = `${place} ${area} agreement of ${year}`;
    if (usedNames.has(label)) label = `${label} (${i})`;
    usedNames.add(label);
    const aliases = [...new Set([label, `${place} ${area} accord`, `${cap(us)} agreement of ${year}`, `угода щодо ${cyrArea} ${year}`])];
    add(
      {
        id: idOf('agreement', label),
        kind: 'agreement',
        label,
        text: `the ${label}`,
        aliases,
        date: isoDate(r, year, year),
        dateAliases: false,
        citations: cite(r.int(1, 2)),
      },
      { names: aliases, short: `${place} ${area} accord` },
    );
  }

  for (let i = 0; i < counts.provision; i++) {
    const ag = r.pick(byKind.agreement);
    const article = r.int(1, 40);
    let label = `Article ${article} of the ${ag.short}`;
    if (usedNames.has(label)) label = `${label}, paragraph ${r.int(1, 9)}`;
    if (usedNames.has(label)) label = `${label} (${i})`;
    usedNames.add(label);
    const aliases = [label, `${ag.short}, Article ${article}`, `Art. ${article} ${ag.short}`];
    add(
      {
        id: idOf('provision', label),
        kind: 'provision',
        label,
        text: `Article ${article} of the ${ag.fact.label} commits both parties to ${r.pick(OBJECTS)}`,
        aliases: [...new Set(aliases)],
        related: [ag.fact.id],
        citations: cite(r.int(1, 2)),
      },
      { names: aliases },
    );
  }

  for (let i = 0; i < counts.event; i++) {
    const date = isoDate(r, 2014, 2025);
    const place = byKind.place.length ? r.pick(byKind.place).fact : undefined;
    const person = byKind.person.length ? r.pick(byKind.person).fact : undefined;
    const [area] = r.pick(AREAS);
    let label;
    const form = r.int(0, 2);
    if (form === 0 && person && place) label = `Visit of ${person.label} to ${place.label}`;
    else if (form === 1 && place) label = `${place.label} summit on ${area}`;
    else label = `Signing of the ${area} memorandum${place ? ` in ${place.label}` : ''}`;
    label = `${label}, ${proseDate(date, { chance: () => true })}`;
    if (usedNames.has(label)) label = `${label} (${i})`;
    usedNames.add(label);
    const fact = {
      id: idOf('event', label),
      kind: 'event',
      label,
      text: `${label.replace(/, \d.*$/, '')} on {date}`,
      aliases: [label.replace(/, \d.*$/, '')].filter((a) => a.length >= 2),
      date,
      citations: cite(r.int(1, 3)),
    };
    if (r.chance(0.15)) {
      const end = new Date(`${date}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + r.int(1, 3));
      fact.endDate = end.toISOString().slice(0, 10);
    }
    if (place) fact.place = place.id;
    if (r.chance(0.05)) {
      // Sources disagree on the day: the fact becomes disputed.
      fact.variants = [
        {
          value: `${date.slice(0, 8)}${String(Math.min(28, Number(date.slice(8)) + 1)).padStart(2, '0')}`,
          citations: cite(1).map(({ source }) => ({ source })),
          note: 'one report gives the next day',
        },
      ];
    }
    add(fact, { names: fact.aliases, date });
  }

  for (let i = 0; i < counts.figure; i++) {
    const [area] = r.pick(AREAS);
    const amount = r.int(5, 950) * (r.chance(0.3) ? 10 : 1);
    const currency = r.pick(['£', '$', '€']);
    const place = byKind.place.length ? r.pick(byKind.place).fact.label : 'Ukraine';
    let label = `${currency}${amount} million for ${area} in ${place}`;
    if (usedNames.has(label)) label = `${label} (${i})`;
    usedNames.add(label);
    const aliases = [label, `${currency}${amount}m for ${area} in ${place}`, `${amount} million for ${area} in ${place}`];
    add(
      {
        id: idOf('figure', label),
        kind: 'figure',
        label,
        text: `${currency}${amount} million committed to ${area} in ${place}`,
        number: amount * 1_000_000,
        unit: currency === '£' ? 'GBP' : currency === '$' ? 'USD' : 'EUR',
        aliases: [...new Set(aliases)],
        citations: cite(r.int(1, 2)),
      },
      { names: aliases },
    );
  }

  for (let i = 0; i < counts.term; i++) {
    const [a, , cyrArea] = r.pick(AREAS);
    const head = r.pick(['mega', 'co', 'cross', 'inter', 'multi', 'dual']);
    const noun = r.pick(['project', 'production', 'partnership', 'platform', 'fund', 'corridor', 'hub', 'initiative']);
    let label = `${head}-${noun} for ${a}`;
    if (usedNames.has(label)) label = `${label} (${surname().lat})`;
    if (usedNames.has(label)) label = `${label} ${i}`;
    usedNames.add(label);
    const aliases = [label, label.replace('-', ' '), label.replace('-', ''), `${head}-${noun} ${cyrArea}`];
    add({ id: idOf('term', label), kind: 'term', label, text: label, aliases: [...new Set(aliases)], citations: cite(r.int(1, 2)) }, { names: aliases });
  }

  for (let i = 0; i < counts.quote; i++) {
    const speaker = r.pick(byKind.person);
    const date = isoDate(r, 2022, 2025);
    const where = byKind.place.length ? r.pick(byKind.place).fact.label : 'Kyiv';
    const verb = r.pick(VERBS);
    const object = r.pick(OBJECTS);
    const words = `We will ${verb} ${object} in ${where} ${r.pick(ADVERBIALS)}, and ${r.pick(['Ukraine', 'Britain', 'Europe', 'our industry'])} will ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`;
    const ukrainian = speaker.names.some((a) => /[\u0400-\u04FF]/.test(a)) && r.chance(0.5);
    const key = `${verb} ${object} in ${where}`;
    let label = `${speaker.fact.label} on ${key}`;
    if (usedNames.has(label)) label = `${label}, ${proseDate(date, { chance: () => true })}`;
    if (usedNames.has(label)) label = `${label} (${i})`;
    usedNames.add(label);
    const wordings = [];
    if (ukrainian) {
      wordings.push({
        id: `w${i}-uk`,
        text: `Ми будемо ${r.pick(['зміцнювати', 'розширювати', 'підтримувати'])} ${r.pick(['спільне виробництво', 'партнерство', 'оборону'])} ${r.pick(['цього року', 'разом із союзниками', 'без зволікань'])}.`,
        kind: 'verbatim',
        language: 'uk',
        citations: cite(1),
      });
      wordings.push({ id: `w${i}-en`, text: words, kind: 'translation', language: 'en', by: r.pick(PUBLISHERS)[0], preferred: true, citations: cite(1) });
    } else {
      wordings.push({ id: `w${i}-en`, text: words, kind: 'verbatim', language: 'en', preferred: true, citations: cite(r.int(1, 2)) });
    }
    let rendering;
    if (r.chance(0.3)) {
      rendering = words.replace(/^We will (\w+)/, (_, v) => `We are going to ${v}`);
      wordings.push({
        id: `w${i}-r`,
        text: rendering,
        kind: 'rendering',
        language: 'en',
        by: r.pick(PUBLISHERS)[0],
        citations: cite(1),
        note: 'a re-translation that does not match the recorded words',
      });
    }
    add(
      {
        id: idOf('quote', label),
        kind: 'quote',
        label,
        text: `${speaker.fact.label} on ${key}, ${proseDate(date, { chance: () => true })}`,
        aliases: [key],
        speaker: speaker.fact.id,
        date,
        language: ukrainian ? 'uk' : 'en',
        occasion: r.pick(['a press conference', 'a joint statement', 'an interview', 'a speech to parliament', 'a post on Telegram']),
        wordings,
        citations: cite(1),
      },
      { names: [key], words, rendering, speaker: speaker.fact },
    );
  }

  return { sources, facts, byKind };
}

// ------------------------------------------------------------------ YAML files

function sourceYaml(s) {
  const lines = [`  - id: ${s.id}`, `    title: ${y(s.title)}`, `    publisher: ${y(s.publisher)}`];
  if (s.author) lines.push(`    author: ${y(s.author)}`);
  lines.push(`    date: "${s.date}"`, `    url: ${s.url}`, `    kind: ${s.kind}`, `    language: ${s.language}`);
  return lines.join('\n');
}

function citationsYaml(list, indent) {
  const pad = ' '.repeat(indent);
  if (list.every((c) => !c.evidence && !c.locator)) return `${pad}citations: [${list.map((c) => `{ source: ${c.source} }`).join(', ')}]`;
  const out = [`${pad}citations:`];
  for (const c of list) {
    out.push(`${pad}  - source: ${c.source}`);
    if (c.evidence) out.push(`${pad}    evidence: ${JSON.stringify(c.evidence)}`);
    if (c.locator) out.push(`${pad}    locator: ${y(c.locator)}`);
  }
  return out.join('\n');
}

function factYaml(f) {
  const lines = [`  - id: ${f.id}`, `    kind: ${f.kind}`, `    label: ${y(f.label)}`, `    text: ${y(f.text)}`];
  if (f.aliases.length <= 4 && f.aliases.join(', ').length < 90) lines.push(`    aliases: ${flow(f.aliases)}`);
  else {
    lines.push('    aliases:');
    for (const a of f.aliases) lines.push(`      - ${y(a)}`);
  }
  if (f.dateAliases === false) lines.push('    dateAliases: false');
  if (f.date) lines.push(`    date: "${f.date}"`);
  if (f.endDate) lines.push(`    endDate: "${f.endDate}"`);
  if (f.place) lines.push(`    place: ${f.place}`);
  if (f.number !== undefined) lines.push(`    number: ${f.number}`, `    unit: ${f.unit}`);
  if (f.speaker) lines.push(`    speaker: ${f.speaker}`, `    language: ${f.language}`, `    occasion: ${y(f.occasion)}`);
  if (f.related) lines.push(`    related: [${f.related.join(', ')}]`);
  if (f.roles) {
    lines.push('    roles:');
    for (const r of f.roles) {
      lines.push(`      - role: ${r.role}`);
      if (r.from) lines.push(`        from: "${r.from}"`);
      if (r.to) lines.push(`        to: "${r.to}"`);
      lines.push(citationsYaml(r.citations, 8));
    }
  }
  lines.push(citationsYaml(f.citations, 4));
  if (f.wordings) {
    lines.push('    wordings:');
    for (const w of f.wordings) {
      lines.push(`      - id: ${w.id}`, `        text: ${JSON.stringify(w.text)}`, `        kind: ${w.kind}`, `        language: ${w.language}`);
      if (w.by) lines.push(`        by: ${y(w.by)}`);
      if (w.preferred) lines.push('        preferred: true');
      lines.push(citationsYaml(w.citations, 8));
      if (w.note) lines.push(`        note: ${y(w.note)}`);
    }
  }
  if (f.variants) {
    lines.push('    variants:');
    for (const v of f.variants) {
      lines.push(`      - value: "${v.value}"`, citationsYaml(v.citations, 8), `        note: ${y(v.note)}`);
    }
  }
  return lines.join('\n');
}

/** Largest generated file: under the loader's 5 MiB default, as a writer's files must be. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * A fact base of `n` facts as YAML pack files. The first file holds the
 * sources; facts follow in reference order (places, organisations, roles,
 * people, …), so each file's references point to it or to an earlier file.
 */
export function generatePack(n, seed = 1, name = `bench-${n}`) {
  const { sources, facts, byKind } = generateFacts(n, seed);
  const head = (part) =>
    [
      '# Generated by scripts/bench/generate.mjs for the benchmark: not real facts.',
      'pack:',
      `  id: ${name}${part === 0 ? '' : `-part${part + 1}`}`,
      `  title: "Benchmark pack of ${n.toLocaleString('en-GB')} facts${part === 0 ? '' : `, part ${part + 1}`}"`,
      '  version: "1.0.0"',
      '  language: en',
      '  checked: "2025-12-01"',
      '',
    ].join('\n');
  const files = [];
  let part = 0;
  let body = [`${head(0)}sources:`, ...sources.map(sourceYaml), '', 'facts:'];
  let bytes = Buffer.byteLength(body.join('\n'));
  for (const f of facts) {
    const text = factYaml(f);
    const size = Buffer.byteLength(text) + 1;
    if (bytes + size > MAX_FILE_BYTES) {
      files.push(body.join('\n') + '\n');
      part++;
      body = [`${head(part)}sources: []`, '', 'facts:'];
      bytes = Buffer.byteLength(body.join('\n'));
    }
    body.push(text);
    bytes += size;
  }
  files.push(body.join('\n') + '\n');
  return {
    files: files.map((text, i) => ({ name: `${name}${files.length > 1 ? `.part${String(i + 1).padStart(2, '0')}` : ''}.factpack.yaml`, text })),
    factCount: facts.length,
    sourceCount: sources.length,
    byKind,
  };
}

// ------------------------------------------------------------------ drafts

/**
 * What a draft can mention, from a fact index: names, dates, quotes. Takes
 * the index's facts (IndexedFact-like: { fact, aliases }) so the same code
 * serves generated packs and the bundled one.
 */
export function mentionables(entries) {
  const people = [];
  const others = [];
  const events = [];
  const quotes = [];
  for (const e of entries) {
    const { fact } = e;
    const names = [...new Set([fact.label, ...fact.aliases])].filter((a) => a.length >= 3);
    if (fact.kind === 'person') people.push({ fact, names });
    else if (fact.kind === 'event' && fact.date) events.push({ fact, names });
    else if (fact.kind === 'quote' && fact.wordings?.length) quotes.push({ fact, names });
    else others.push({ fact, names });
  }
  return { people, others, events, quotes };
}

/**
 * A Markdown report of about `bytes` bytes that mentions the facts as a
 * writer would: names in their variants and scripts, roles, dates in prose,
 * quotations (some exact, some with a word changed, some in a rendering),
 * and plain sentences between them.
 */
export function generateDraft(entries, bytes = 1024 * 1024, seed = 7) {
  const r = prng(seed);
  const { people, others, events, quotes } = mentionables(entries);
  const name = (list) => (list.length ? r.pick(r.pick(list).names) : 'the delegation');
  const parts = ['# Report on the UK–Ukraine agreements', '', '_Draft generated for the benchmark: not real facts._', ''];
  let size = parts.join('\n').length;
  let section = 0;
  while (size < bytes) {
    const paragraph = [];
    if (r.chance(0.08)) {
      section++;
      const heading = `## ${section}. ${cap(r.pick(AREAS)[0])}`;
      parts.push(heading, '');
      size += heading.length + 2;
    }
    for (let k = r.int(3, 6); k > 0; k--) {
      const form = r.int(0, 7);
      if (form === 0 && events.length) {
        const ev = r.pick(events);
        paragraph.push(`On ${proseDate(ev.fact.date, r)}, ${name(people)} and ${name(people)} met in ${name(others)}.`);
      } else if (form === 1 && events.length) {
        const ev = r.pick(events);
        paragraph.push(`The ${r.pick(ev.names)} took place on ${proseDate(ev.fact.date, r)}.`);
      } else if (form === 2 && quotes.length) {
        const q = r.pick(quotes);
        const wording = r.pick(q.fact.wordings);
        let words = wording.text;
        if (r.chance(0.3)) {
          // A word changed: what the fact check is for.
          const ws = words.split(' ');
          const at = r.int(1, Math.max(1, ws.length - 2));
          ws[at] = r.pick(['our', 'the', 'new', 'all', 'more']);
          words = ws.join(' ');
        }
        const speaker = people.find((p) => p.fact.id === q.fact.speaker);
        paragraph.push(`${speaker ? r.pick(speaker.names) : name(people)} ${r.pick(['said', 'told reporters', 'wrote'])}: \u201C${words}\u201D`);
      } else if (form === 3) {
        paragraph.push(`${name(people)} ${r.pick(['announced', 'confirmed', 'welcomed', 'questioned'])} the ${name(others)} ${r.pick(ADVERBIALS)}.`);
      } else if (form === 4) {
        paragraph.push(`According to ${name(people)}, the ${name(others)} will ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`);
      } else {
        paragraph.push(r.pick(FILLER));
      }
    }
    const text = paragraph.join(' ');
    parts.push(text, '');
    size += text.length + 2;
  }
  return parts.join('\n');
}
