// card.renderCard: the hover card a writer reads, and what a hostile pack
// cannot put into it.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CARD_COMMANDS, COMMANDS } from '../../src/workbench/ids';
import { renderCard, type CardLinks, type CardOptions } from '../../src/core/cite/card';
import { buildFactIndex } from '../../src/core/facts/factIndex';
import { bundled, describeProblems, errors, factYaml, loadPack, packYaml, projectRoot, unescapeMarkdown, unescapedChars } from './helpers';

const links: CardLinks = {
  insert: (id) => `command:agreementCite.insertCitation?${encodeURIComponent(JSON.stringify([id]))}`,
  copy: (id) => `command:agreementCite.copyCitation?${encodeURIComponent(JSON.stringify([id]))}`,
  openSource: (id) => `command:agreementCite.openSource?${encodeURIComponent(JSON.stringify([id]))}`,
};

const base: CardOptions = { dateStyle: 'en-GB', today: '2026-03-01' };

/** The card as a writer reads it: Markdown escapes removed. */
function cardText(factId: string, options: Partial<CardOptions> = {}): string {
  const { index } = bundled();
  return unescapeMarkdown(renderCard(index.fact(factId)!, index, { ...base, ...options }));
}

suite('card: what a writer sees', () => {
  test('the label, kind and status head the card', () => {
    const card = cardText('person.umerov');
    assert.equal(card.split('\n')[0], '**Rustem Umerov** · person · \u2705 confirmed');
  });

  test('each source shows publisher, title, date and address, and its evidence excerpt as a quote', () => {
    const card = cardText('person.umerov');
    assert.ok(
      card.includes(
        '**Source:** Euromaidan Press via am1.news (aggregator), \u201CUkraine and Britain launch first joint drone production program to strengthen both nations\u2019 defense\u201D, June 2025 · https://am1.news/',
      ),
      card,
    );
    assert.ok(card.includes('> Ukraine\u2019s Defense Minister Rustem Umerov'), 'evidence excerpt shown verbatim');
    assert.ok(card.includes('· paragraph 3'), 'locator shown');
    assert.ok(
      card.includes(
        '**Source:** Censor.NET, \u201CUmerov\u2019s Facebook statement on joint drone production\u201D, 24 June 2025 · https://censor.net/en/news/3559606/',
      ),
    );
  });

  test('the status line says why: "3 independent origins agree", each named', () => {
    assert.ok(
      cardText('person.umerov').includes('**Status:** \u2705 confirmed: 3 independent origins agree (Euromaidan Press; Censor.NET; The Kyiv Independent)'),
      cardText('person.umerov'),
    );
  });

  test('with a date in the text, the role is the one held "on" that date', () => {
    const june = cardText('person.umerov', { contextDate: { iso: '2025-06-23', written: '23 June 2025' } });
    assert.ok(june.includes('**Role on 23 June 2025:** Minister of Defence of Ukraine'), june);
    const later = cardText('person.umerov', { contextDate: { iso: '2026-02-24', written: '24 February 2026' } });
    assert.ok(later.includes('**Role on 24 February 2026:** Secretary of the National Security and Defence Council of Ukraine'));
  });

  test('on a day between two posts the card says no role is recorded', () => {
    const card = cardText('person.umerov', { contextDate: { iso: '2025-07-17', written: '17 July 2025' } });
    assert.ok(card.includes('**Role on 17 July 2025:** *none recorded*'), card);
  });

  test("without a date in the text, the role is today's, and the history marks the current one", () => {
    const card = cardText('person.umerov', { today: '2026-02-24' });
    assert.ok(card.includes('**Role today:** Secretary of the National Security and Defence Council of Ukraine'));
    assert.ok(card.includes('- Minister of Defence of Ukraine: 6 September 2023 – 16 July 2025 — Interfax-Ukraine, Babel, NV, Euromaidan Press\n'));
    assert.ok(
      card.includes(
        '- Secretary of the National Security and Defence Council of Ukraine: since 18 July 2025 · last checked 24 February 2026 — Censor.NET, NV, LIGA.net, UNN ◀',
      ),
    );
  });

  test("Starmer's quote shows the preferred verbatim wording and the rendering, marked as not his words", () => {
    const card = cardText('quote.starmer.co-production');
    const lines = card.split('\n');
    const preferred = lines.findIndex((l) => l.startsWith('**Preferred wording** (verbatim'));
    assert.ok(preferred >= 0, card);
    const next = (from: number): string => lines.slice(from + 1).find((l) => l.startsWith('> ')) ?? '';
    assert.ok(next(preferred).startsWith('> \u201CI\u2019m really proud that this afternoon'), next(preferred));
    const rendering = lines.findIndex((l) => l.startsWith('**Other wording** (rendering'));
    assert.ok(rendering >= 0, card);
    assert.match(lines[rendering], /Euromaidan Press/);
    const warning = lines.slice(rendering + 1, lines.indexOf(next(rendering))).join('\n');
    assert.match(warning, /Not the speaker\u2019s recorded words/);
    assert.ok(next(rendering).startsWith('> \u201CI am very proud that today'), next(rendering));
  });

  test('a quote card names the speaker, date and occasion', () => {
    assert.ok(
      cardText('quote.starmer.co-production').includes(
        'Keir Starmer, 23 June 2025, Joint appearance with Volodymyr Zelenskyy in the Downing Street garden, London',
      ),
    );
  });

  test('the quote\'s speaker line is its own paragraph, not run into the "Date:" line above it', () => {
    const card = cardText('quote.starmer.co-production');
    const lines = card.split('\n');
    const speaker = lines.findIndex((l) => l.startsWith('Keir Starmer, 23 June 2025'));
    assert.ok(speaker > 0);
    assert.equal(lines[speaker - 1], '', `Markdown joins "${lines[speaker - 1]}" and "${lines[speaker].slice(0, 30)}…" into one paragraph`);
  });

  test('a disputed figure lists where sources disagree', () => {
    const card = cardText('figure.100yp-article-count');
    assert.ok(card.includes('\u26A0\uFE0F disputed'));
    assert.ok(card.includes('**Figure:** 14 articles'));
    assert.ok(
      card.includes(
        "**Sources disagree:**\n- nine pillars — UK Parliament (House of Commons), House of Commons Library: The Foreign Secretary's Commons statement of 20 January 2025 says",
      ),
      card,
    );
  });

  test('an event shows its dates and place', () => {
    assert.ok(cardText('event.nato-summit-2025').includes('**Date:** 24 June 2025 – 25 June 2025 · **Place:** The Hague'));
    assert.ok(cardText('event.nato-summit-2025', { dateStyle: 'en-US' }).includes('**Date:** June 24, 2025 – June 25, 2025'));
  });

  test('links to insert, copy and open a source appear only when the adapter gives them', () => {
    const { index } = bundled();
    const entry = index.fact('person.umerov')!;
    assert.doesNotMatch(renderCard(entry, index, base), /\]\(/);
    const withLinks = renderCard(entry, index, { ...base, links });
    assert.ok(withLinks.includes(`[Insert citation](${links.insert('person.umerov')}) · [Copy citation](${links.copy('person.umerov')})`));
    assert.ok(withLinks.includes(`[Open source](${links.openSource('ep-2025-06')})`));
  });

  test('the bundled pack is named as such', () => {
    assert.ok(cardText('person.umerov').endsWith('**Pack:** bundled with Agreement Cite'));
  });
});

suite('card: a hostile pack cannot inject links, HTML or code', () => {
  const file = path.join(projectRoot, 'test', 'fixtures', 'packs', 'hostile.yaml');
  const { loaded, result } = loadPack(fs.readFileSync(file, 'utf8'), file);
  const built = buildFactIndex([loaded]);
  const ids = ['evil.person', 'evil.role', 'evil.place', 'evil.figure', 'evil.quote'];
  const OUR_LINKS = ['Insert citation', 'Copy citation', 'Open source'];

  const render = (id: string, withLinks = true): string =>
    renderCard(built.index.fact(id)!, built.index, {
      ...base,
      contextDate: { iso: '2025-06-23', written: '23 June 2025' },
      links: withLinks ? links : undefined,
    });

  test('the hostile pack loads without errors (so every card below is really rendered)', () => {
    assert.deepEqual(errors([...result.problems, ...built.problems]), [], describeProblems([...result.problems, ...built.problems]));
    for (const id of ids) assert.ok(built.index.fact(id), id);
  });

  for (const id of ids) {
    test(`${id}: the only command links are the card's own`, () => {
      const card = render(id);
      const commandLinks = [...card.matchAll(/\[([^\]]*)\]\(command:/g)].map((m) => m[1]);
      assert.ok(commandLinks.length >= 2);
      assert.deepEqual(
        commandLinks.filter((label) => !OUR_LINKS.includes(label)),
        [],
      );
      const occurrences = card.split('](command:').length - 1;
      assert.equal(occurrences, commandLinks.length, 'every "](command:" belongs to one of the card\'s own links');
      assert.equal(render(id, false).includes('](command:'), false);
    });

    test(`${id}: no unescaped <, backtick or [ survives from the data`, () => {
      const card = render(id, false);
      assert.deepEqual(unescapedChars(card, '<`'), [], card);
      assert.deepEqual(unescapedChars(card, '['), [], card);
      assert.doesNotMatch(card, /(^|[^\\])<img/);
    });
  }

  test('the hostile text is still shown, as text', () => {
    const card = unescapeMarkdown(render('evil.person', false));
    assert.ok(card.includes('**[x](command:workbench.action.terminal.new)**'));
    assert.ok(card.includes('<img src=x onerror=alert(1)> and [y](command:workbench.action.reloadWindow)'));
    assert.ok(card.includes('> ```js\n> run(`rm -rf ~`)'), card);
  });

  test('a quote\'s wordings, note and "by" are escaped too', () => {
    const card = render('evil.quote', false);
    assert.ok(card.includes('\\[said\\]\\(command:workbench\\.action\\.terminal\\.new\\) \\<img'), card);
    assert.deepEqual(unescapedChars(card, '<`['), []);
  });
});

suite('card: the commands a card may run', () => {
  test('a card runs only the commands that take a fact or source id and check it; never New Fact Pack or any other', () => {
    assert.deepEqual([...CARD_COMMANDS].sort(), [COMMANDS.copyCitation, COMMANDS.insertCitation, COMMANDS.openSource].sort());
    for (const other of [COMMANDS.newPack, COMMANDS.showLog, COMMANDS.addDefinitions, COMMANDS.checkDocument])
      assert.equal(CARD_COMMANDS.includes(other), false, other);
  });

  test('every command link in a rendered card is one of those commands', () => {
    const { index } = bundled();
    const card = renderCard(index.fact('person.umerov')!, index, { ...base, links });
    const used = [...card.matchAll(/\]\(command:([^?)]+)/g)].map((m) => m[1]);
    assert.ok(used.length >= 2, card);
    assert.deepEqual(
      used.filter((c) => !CARD_COMMANDS.includes(c)),
      [],
    );
  });
});

suite('card: source addresses', () => {
  const addresses = [
    'https://www.gov.uk/government/news/uk-and-ukraine_sign-100-year-partnership',
    'http://example.org/a-b.c?x=1&y=[2]',
    'https://user@mail.example.org/path',
  ];
  for (const url of addresses) {
    test(`${url}: shown exactly, and nothing in the card would start an autolink`, () => {
      const text = PACK_WITH_URL(url);
      const { loaded } = loadPack(text, 'workspace/.factpacks/url.yaml');
      const built = buildFactIndex([loaded]);
      const card = renderCard(built.index.fact('url.fact')!, built.index, base);
      const line = card.split('\n').find((l) => l.startsWith('**Source:**'))!;
      assert.ok(unescapeMarkdown(line).includes(` · ${url}`), line);
      // GitHub-style autolinks (VS Code's hovers) start at a literal "http://", "https://", "www." or an "@" address.
      const plain = line.replace(/\\[\s\S]/g, ' ');
      assert.doesNotMatch(plain, /https?:\/\/|www\.|@/, line);
    });
  }
});

function PACK_WITH_URL(url: string): string {
  return packYaml(factYaml('url.fact')).replace('  - id: src-a\n', `  - id: src-a\n    url: "${url}"\n`);
}
