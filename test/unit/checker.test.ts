// The document check: the corpus of correct and wrong paragraphs, the quick
// fixes (applied, the text compared), the word diff, quotations of every
// kind, and the date a document speaks of.

import assert from 'node:assert/strict';
import { CHECK_CODES, checkDocument, checkSteps, type CheckOptions, type Finding } from '../../src/core/check/checker';
import { buildFactIndex } from '../../src/core/facts/factIndex';
import type { TextEdit } from '../../src/core/references/citation';
import { documentDate, proseText } from '../../src/core/document/prose';
import { findQuotations, markupOf, quotedWords } from '../../src/core/check/quotations';
import { compactDiff, diffWords, wordTokens } from '../../src/core/check/wordDiff';
import { CORPUS_TODAY, readCorpus, type CorpusParagraph } from './checkerCorpus';
import { bundled } from './helpers';

function options(extra: Partial<CheckOptions> = {}): CheckOptions {
  return { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: CORPUS_TODAY, ...extra };
}

function check(text: string, extra: Partial<CheckOptions> = {}): Finding[] {
  return checkDocument(text, bundled().index, options(extra));
}

function checkParagraph(p: CorpusParagraph): Finding[] {
  return check(p.text, { format: p.format, documentDate: p.date });
}

/** The document after a fix, as an editor applies it: every edit in offsets of the text before any. */
function apply(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.offset - b.e.offset || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { e } of sorted) {
    assert.ok(e.offset >= at, `edits overlap at ${e.offset}`);
    out += text.slice(at, e.offset) + e.text;
    at = e.offset + e.length;
  }
  return out + text.slice(at);
}

function describe(text: string, findings: readonly Finding[]): string {
  return findings.map((f) => `${f.code} ${JSON.stringify(text.slice(f.start, f.end))}: ${f.message}`).join('\n') || '(none)';
}

const correct = readCorpus('correct.md');
const errors = readCorpus('errors.md');
const limits = readCorpus('limits.md');

suite('checker: the corpus', () => {
  const tally = { truePositives: 0, falsePositives: 0, planted: 0, limitsCaught: 0 };

  suiteTeardown(() => {
    for (const p of limits) {
      if (checkParagraph(p).some((f) => f.code === p.expect)) tally.limitsCaught++;
    }
    const precision = tally.truePositives / Math.max(1, tally.truePositives + tally.falsePositives);
    const recall = tally.truePositives / Math.max(1, tally.planted);
    const overall = (tally.truePositives + tally.limitsCaught) / Math.max(1, tally.planted + limits.length);
    console.log(
      `      corpus: ${correct.length} correct paragraphs, ${errors.length} with a planted error, ${limits.length} documented limits\n` +
        `      precision ${(precision * 100).toFixed(1)}% (${tally.truePositives} right of ${tally.truePositives + tally.falsePositives} findings), ` +
        `recall ${(recall * 100).toFixed(1)}% on errors.md (${tally.truePositives}/${tally.planted}), ` +
        `${(overall * 100).toFixed(1)}% with the documented limits (${tally.truePositives + tally.limitsCaught}/${tally.planted + limits.length})`,
    );
  });

  test('the corpus is at least 30 correct paragraphs and 30 with one planted error, of every code', () => {
    assert.ok(correct.length >= 30, `${correct.length} correct paragraphs`);
    assert.ok(errors.length >= 30, `${errors.length} error paragraphs`);
    for (const code of CHECK_CODES) assert.ok(errors.filter((p) => p.expect === code).length >= 5, `fewer than 5 paragraphs for ${code}`);
    assert.ok(correct.every((p) => p.expect === undefined));
    assert.ok(errors.every((p) => p.expect !== undefined && p.at !== undefined));
  });

  for (const p of correct) {
    test(`correct.md:${p.line} has no finding: ${p.text.replace(/\s+/g, ' ').slice(0, 60).trim()}…`, () => {
      const findings = checkParagraph(p);
      tally.falsePositives += findings.length;
      assert.equal(findings.length, 0, describe(p.text, findings));
    });
  }

  for (const p of errors) {
    test(`errors.md:${p.line} has one ${p.expect}: ${p.text.replace(/\s+/g, ' ').slice(0, 50).trim()}…`, () => {
      const findings = checkParagraph(p);
      tally.planted++;
      const right = findings.filter((f) => f.code === p.expect && p.text.slice(f.start, f.end).includes(p.at!));
      tally.truePositives += Math.min(1, right.length);
      tally.falsePositives += findings.length - Math.min(1, right.length);
      assert.equal(findings.length, 1, describe(p.text, findings));
      assert.equal(right.length, 1, describe(p.text, findings));
      assert.ok(findings[0].message.length > 0);
    });
  }
});

suite('checker: misquotes', () => {
  const text = 'Starmer said: “I’m really proud that today we can announce an industrial military co-production agreement”.\n';

  test('the message names the speaker and the source, with the words that differ', () => {
    const [f] = check(text);
    assert.equal(f.code, 'misquote');
    assert.equal(text.slice(f.start, f.end), '“I’m really proud that today we can announce an industrial military co-production agreement”');
    assert.match(f.message, /Keir Starmer/);
    assert.match(f.message, /Reuters, 23 June 2025/);
    assert.match(f.message, /\[−this afternoon, we’re able to\] \[\+today we can\]/);
    assert.deepEqual(
      f.data.diff?.filter((d) => d.op !== 'equal'),
      [
        { op: 'delete', text: 'this afternoon, we’re able to' },
        { op: 'insert', text: 'today we can' },
      ],
    );
  });

  test('the fix writes the recorded words and cites their source with one footnote definition', () => {
    const [f] = check(text);
    const fixed = apply(text, f.fixes[0].edits);
    assert.equal(
      fixed,
      'Starmer said: “I’m really proud that this afternoon, we’re able to announce an industrial military co-production agreement”[^reuters-2025-06-23].\n\n' +
        '[^reuters-2025-06-23]: Reuters via The Star (Malaysia), “Starmer and Zelenskiy agree military production project in London”, 23 June 2025. <https://www.thestar.com.my/news/world/2025/06/23/ukraine039s-zelenskiy-meets-king-charles-on-british-visit>\n',
    );
    assert.deepEqual(check(fixed), []);
  });

  test('a citation already after the quotation is not added twice', () => {
    const cited =
      'Starmer said: “I’m really proud that today we can announce an industrial military co-production agreement”[^reuters-2025-06-23].\n\n[^reuters-2025-06-23]: Reuters.\n';
    const [f] = check(cited);
    assert.equal(apply(cited, f.fixes[0].edits), cited.replace('today we can', 'this afternoon, we’re able to'));
  });

  test('typography is not a difference: straight quotes, apostrophes, dashes and spacing', () => {
    for (const variant of [
      'Starmer said: "I\'m really proud that this afternoon, we\'re able to announce an industrial military co-production agreement -- the first of its kind so far as Ukraine and the UK are concerned".',
      'Starmer said: “I’m  really proud that this\nafternoon we’re able to announce an industrial military co–production agreement — the first of its kind so far as Ukraine and the UK are concerned.”',
      'Starmer said: ‘I’m really proud that this afternoon, we’re able to announce an industrial military co-production agreement’.',
    ])
      assert.deepEqual(check(variant), [], variant);
  });

  test('a fragment of a recorded wording, and a marked omission, are right', () => {
    assert.deepEqual(check('Starmer spoke of “a massive step forward now in the contribution that we can continue to make”.'), []);
    assert.deepEqual(check('Starmer said he was “really proud that […] we’re able to announce an industrial military co-production agreement”.'), []);
    assert.deepEqual(check('Starmer said he was “really proud that ... we’re able to announce an industrial military co-production agreement”.'), []);
  });

  test('an omission that is not marked is a difference', () => {
    const [f] = check('Starmer said he was “really proud that we’re able to announce an industrial military co-production agreement”.');
    assert.equal(f.code, 'misquote');
    assert.match(f.message, /\[−this afternoon\]/);
  });

  test('in LaTeX the fix keeps the quotation marks and cites in a footnote', () => {
    const tex = "Zelenskyy said the deal ``will be very strong and will transform both countries''.\n";
    const [f] = check(tex, { format: 'latex' });
    assert.equal(f.code, 'misquote');
    assert.match(
      apply(tex, f.fixes[0].edits),
      /^Zelenskyy said the deal ``will be very strong and will transform both nations''\\footnote\{AFP via Arab News, ``UK and Ukraine agree to deepen ties as Zelensky meets Starmer'', 23 June 2025, \\texttt\{https:\/\/\\allowbreak\{\}www\.\\allowbreak\{\}arabnews\.\\allowbreak\{\}pk\/\\allowbreak\{\}node\/\\allowbreak\{\}2605541\/\\allowbreak\{\}world\}\.\}\.\n$/,
    );
  });

  test('a quotation of someone else that shares a few words is left alone', () => {
    assert.deepEqual(check('An analyst called it “a massive step forward for European industry, if the money arrives”.'), []);
    assert.deepEqual(check('The minister said firms must “design and manufacture drones quickly, and at a scale Europe has not seen”.'), []);
  });
});

suite('checker: an outlet’s words presented as the speaker’s', () => {
  const text =
    '“I am very proud that today we can announce an agreement on joint industrial military production – the first of its kind for Ukraine and Great Britain,” Starmer stated.\n';

  test('the rendering is reported, naming the outlet and the recorded wording’s source', () => {
    const [f] = check(text);
    assert.equal(f.code, 'rendering-as-words');
    assert.match(f.message, /Euromaidan Press’s rendering/);
    assert.match(f.message, /Reuters/);
  });

  test('one fix quotes the recorded words, the other attributes the rendering to the outlet', () => {
    const [f] = check(text);
    assert.equal(f.fixes.length, 2);
    const recorded = apply(text, f.fixes[0].edits);
    assert.match(
      recorded,
      /^“I’m really proud that this afternoon, we’re able to announce an industrial military co-production agreement - the first of its kind so far as Ukraine and the UK are concerned - which will be a massive step forward now in the contribution that we can continue to make,”\[\^reuters-2025-06-23\] Starmer stated\.\n\n\[\^reuters-2025-06-23\]: Reuters/,
    );
    const attributed = apply(text, f.fixes[1].edits);
    assert.match(attributed, /Great Britain,” \(in Euromaidan Press’s rendering\)\[\^ep-2025-06\] Starmer stated\.\n\n\[\^ep-2025-06\]: Euromaidan Press/);
    assert.deepEqual(check(recorded), []);
    assert.deepEqual(check(attributed), []);
  });

  test('the names that credit the outlet are made into one expression per fact base, not one per check', () => {
    const index = buildFactIndex([bundled().loaded]).index;
    const made: string[] = [];
    const Original = globalThis.RegExp;
    globalThis.RegExp = new Proxy(Original, {
      construct: (target, args: [string | RegExp, string?]) => (made.push(String(args[0])), Reflect.construct(target, args)),
    });
    try {
      // Each a paragraph the check has not read: its quotation is judged again, in a check of its own.
      for (const verb of ['stated', 'said', 'told reporters']) {
        const draft = text.replace('Starmer stated', `Starmer ${verb}`);
        assert.deepEqual(
          checkDocument(draft, index, options()).map((f) => f.code),
          ['rendering-as-words'],
        );
      }
    } finally {
      globalThis.RegExp = Original;
    }
    assert.equal(made.filter((p) => /euromaidan/i.test(p)).length, 1, made.join('\n'));
  });

  test('two quotes whose renderings share an id each keep their own outlet’s names', () => {
    // Wording ids are unique within a quote only: a writer's pack may give two quotes' wordings the same one.
    const loaded = bundled().loaded;
    const pack = structuredClone(loaded.pack);
    const starmer = pack.facts.find((f) => f.id === 'quote.starmer.co-production')!;
    const rendering = starmer.wordings!.find((w) => w.kind === 'rendering')!;
    const zelenskyy = pack.facts.find((f) => f.id === 'quote.zelenskyy.co-production')!;
    zelenskyy.wordings!.push({
      ...structuredClone(rendering),
      text: 'this agreement will make both our nations far stronger than before',
      by: 'Alpha Wire',
      preferred: false,
    });
    const index = buildFactIndex([{ ...loaded, pack }]).index;
    const codes = (draft: string): string[] => checkDocument(draft, index, options()).map((f) => f.code);
    // Starmer's rendering credited to its outlet, then Zelenskyy's to its own: neither is an outlet's words as the speaker's.
    assert.deepEqual(codes(`${text.replace('Starmer stated.', 'Starmer stated, in Euromaidan Press’s rendering.')}`), []);
    assert.deepEqual(codes('Zelenskyy said “this agreement will make both our nations far stronger than before”, as Alpha Wire rendered it.'), []);
    // Uncredited, each is reported.
    assert.deepEqual(codes('Zelenskyy said “this agreement will make both our nations far stronger than before”.'), ['rendering-as-words']);
  });

  test('a translation of words spoken in another language is how that speaker is quoted', () => {
    assert.deepEqual(
      check('Umerov wrote: “This will allow British defence companies to quickly design and manufacture state-of-the-art drones on a large scale”.'),
      [],
    );
  });

  test('without the speaker named, a rendering is not presented as anyone’s words', () => {
    assert.deepEqual(
      check('The report’s version reads “I am very proud that today we can announce an agreement on joint industrial military production”.'),
      [],
    );
  });
});

suite('checker: event dates', () => {
  test('the fix writes the event’s date in the writer’s own style', () => {
    for (const [text, right] of [
      ['The Kyiv signing took place on 17 January 2025.', 'The Kyiv signing took place on 16 January 2025.'],
      ['The Kyiv signing took place on January 17, 2025.', 'The Kyiv signing took place on January 16, 2025.'],
      ['The Kyiv signing took place on 2025-01-17.', 'The Kyiv signing took place on 2025-01-16.'],
      ['The Kyiv signing took place on 17 January.', 'The Kyiv signing took place on 16 January.'],
    ]) {
      const findings = check(text);
      assert.equal(findings.length, 1, text);
      assert.equal(findings[0].code, 'wrong-event-date');
      assert.equal(apply(text, findings[0].fixes[0].edits), right);
    }
  });

  test('a date in the event’s span is right, and so is another date in the same sentence that belongs to another event', () => {
    assert.deepEqual(check('The NATO summit ran from 24 June 2025 and closed on 25 June 2025.'), []);
    assert.deepEqual(check('The agreement was signed in Kyiv on 16 January 2025 and ratified on 17 September 2025.'), []);
  });

  test('two events and two unexplained dates are ambiguous and left alone', () => {
    assert.deepEqual(check('Between the Kyiv signing and the Rada ratification, talks on 3 February 2025 and 5 March 2025 prepared the text.'), []);
  });

  test('citations the extension wrote, with their source dates, are not the writer’s dates', () => {
    assert.deepEqual(
      check(
        'The Kyiv signing took place on 16 January 2025.[^lb-2025-09-17]\n\n[^lb-2025-09-17]: LB.ua, “Verkhovna Rada ratifies the 100-year agreement”, 17 September 2025.\n',
      ),
      [],
    );
    assert.deepEqual(
      check("The Kyiv signing took place on 16 January 2025\\footnote{LB.ua, ``Verkhovna Rada ratifies'', 17 January 2025.}.\n", { format: 'latex' }),
      [],
    );
  });
});

suite('checker: roles at the date in question', () => {
  test('the date comes from the paragraph, else the document, else the setting, else today', () => {
    const sentence = 'Defence Minister Rustem Umerov spoke.';
    assert.deepEqual(check(`On 24 June 2025 ${sentence}\n`), []);
    assert.equal(check(`${sentence}\n`)[0].data.dateSource, 'today');
    assert.deepEqual(check(`${sentence}\n`, { today: '2025-06-24' }), []);
    assert.equal(check(`${sentence}\n`, { documentDate: '2026-01-10' })[0].data.dateSource, 'setting');
    assert.deepEqual(check(`${sentence}\n`, { documentDate: '2025-06-24' }), []);
    const front = `---\ntitle: Notes\ndate: 2025-06-24\n---\n\n${sentence}\n`;
    assert.deepEqual(check(front, { documentDate: '2026-01-10' }), []);
    const late = `---\ndate: 2026-01-10\n---\n\n${sentence}\n`;
    assert.equal(check(late, { documentDate: '2025-06-24' })[0].data.dateSource, 'document');
    assert.deepEqual(check(`\\date{24 June 2025}\n\\begin{document}\n${sentence}\n\\end{document}\n`, { format: 'latex' }), []);
  });

  test('a day without a year takes the year of the last date before it; without one it cannot be judged', () => {
    assert.deepEqual(check('## The London meeting, 23 June 2025\n\nOn 24 June Defence Minister Rustem Umerov set out the terms.\n'), []);
    assert.deepEqual(check('On 24 June Defence Minister Rustem Umerov set out the terms.\n'), []);
    assert.equal(check('## Talks, 10 January 2026\n\nOn 12 January Defence Minister Rustem Umerov spoke.\n').length, 1);
  });

  test('the fixes give the role held at that date, or call the old one former', () => {
    const text = 'On 24 February 2026 Defence Minister Rustem Umerov spoke.';
    const [f] = check(text);
    assert.equal(f.code, 'role-not-held');
    assert.match(
      f.message,
      /Rustem Umerov was not Minister of Defence of Ukraine on 24 February 2026 \(the date in this paragraph\); held from 6 September 2023 to 16 July 2025\. On that date: Secretary of the National Security and Defence Council of Ukraine\./,
    );
    assert.deepEqual(
      f.fixes.map((x) => apply(text, x.edits)),
      ['On 24 February 2026 NSDC Secretary Rustem Umerov spoke.', 'On 24 February 2026 former Defence Minister Rustem Umerov spoke.'],
    );
    const after = 'On 24 February 2026 Rustem Umerov, Ukraine’s defence minister, spoke.';
    const [g] = check(after);
    assert.equal(
      apply(after, g.fixes[0].edits),
      'On 24 February 2026 Rustem Umerov, Secretary of the National Security and Defence Council of Ukraine, spoke.',
    );
  });

  test('qualified, quoted and described roles are left alone', () => {
    for (const text of [
      'On 1 March 2026 former Defence Minister Rustem Umerov spoke.',
      'On 1 March 2026 the then Defence Minister Rustem Umerov was recalled.',
      'On 1 March 2026 a minister recalled “Defence Minister Rustem Umerov” at the signing.',
      'On 1 March 2026 Rustem Umerov, Defence Minister until July 2025, spoke.',
      'On 1 March 2026 Rustem Umerov, who was Defence Minister in 2024, spoke.',
    ])
      assert.deepEqual(check(text), [], text);
  });
});

suite('checker: spellings of one person', () => {
  const text = 'Zelensky arrived. Zelenskyy met Starmer. Zelenskyy left.\n';

  test('each minority spelling is reported; the fix writes one spelling everywhere', () => {
    const findings = check(text);
    assert.deepEqual(
      findings.map((f) => [f.code, text.slice(f.start, f.end)]),
      [['inconsistent-spelling', 'Zelensky']],
    );
    assert.equal(apply(text, findings[0].fixes[0].edits), 'Zelenskyy arrived. Zelenskyy met Starmer. Zelenskyy left.\n');
    assert.equal(apply(text, findings[0].fixes[1].edits), 'Zelensky arrived. Zelensky met Starmer. Zelensky left.\n');
  });

  test('the preferred spelling setting decides which spelling the fix writes', () => {
    const findings = check(text, { spellings: { Zelenskyy: 'Zelensky' } });
    assert.deepEqual(
      findings.map((f) => text.slice(f.start, f.end)),
      ['Zelenskyy', 'Zelenskyy'],
    );
    assert.equal(apply(text, findings[0].fixes[0].edits), 'Zelensky arrived. Zelensky met Starmer. Zelensky left.\n');
    assert.match(findings[0].message, /your preferred spelling/);
  });

  test('quoted words and other scripts keep their spelling', () => {
    assert.deepEqual(check('Zelenskyy spoke. Reuters wrote “Zelenskiy meets King Charles”. Володимир Зеленський is his name in Ukrainian.\n'), []);
  });
});

suite('checker: rules and options', () => {
  test('each rule can be turned off', () => {
    const text = [
      'Starmer said: “I’m really proud that today we can announce an industrial military co-production agreement”.',
      '“I am very proud that today we can announce an agreement on joint industrial military production,” Starmer stated.',
      'The Kyiv signing took place on 17 January 2025.',
      'On 1 March 2026 Defence Minister Rustem Umerov spoke.',
      'Zelensky met Zelenskyy.',
      'On 5 January 2027 NSDC Secretary Rustem Umerov spoke.',
      'On 23 June 2025 Starmer said he was “very happy that we can now announce a brand new co-production agreement with Ukraine”.',
    ].join('\n\n');
    const all = check(text);
    assert.deepEqual([...new Set(all.map((f) => f.code))].sort(), [...CHECK_CODES].sort());
    for (const code of CHECK_CODES) {
      const without = check(text, { rules: { [code]: false } });
      assert.ok(!without.some((f) => f.code === code), code);
      assert.equal(without.length, all.filter((f) => f.code !== code).length, code);
    }
    assert.deepEqual(check(text, { rules: Object.fromEntries(CHECK_CODES.map((c) => [c, false])) }), []);
  });

  test('findings are in document order, inside the text, and every fix edits inside it', () => {
    const text = readCorpus('errors.md')
      .map((p) => p.text)
      .join('\n');
    const findings = check(text);
    for (let i = 1; i < findings.length; i++) assert.ok(findings[i].start >= findings[i - 1].start);
    for (const f of findings) {
      assert.ok(f.start >= 0 && f.end <= text.length && f.start < f.end);
      for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.offset >= 0 && e.offset + e.length <= text.length, fix.title);
    }
  });
});

suite('checker: word diff', () => {
  test('words are folded and joined across apostrophes; punctuation and dashes only separate', () => {
    assert.deepEqual(
      wordTokens("I’m “really” proud — co-production, we're").map((w) => w.text),
      ["i'm", 'really', 'proud', 'co', 'production', "we're"],
    );
    assert.deepEqual(
      wordTokens('we&rsquo;re <b>able</b> &amp; ready', 0, undefined, 'html').map((w) => w.text),
      ["we're", 'able', 'ready'],
    );
    assert.deepEqual(
      wordTokens('\\emph{very} strong', 0, undefined, 'latex').map((w) => w.text),
      ['very', 'strong'],
    );
  });

  test('a diff keeps each side’s own characters, and a compact diff shows the changes in context', () => {
    const recorded = 'I’m really proud that this afternoon, we’re able to announce an agreement';
    const written = 'I’m really proud that today we can announce an agreement';
    const parts = diffWords(recorded, wordTokens(recorded), written, wordTokens(written));
    assert.deepEqual(parts, [
      { op: 'equal', text: 'I’m really proud that' },
      { op: 'delete', text: 'this afternoon, we’re able to' },
      { op: 'insert', text: 'today we can' },
      { op: 'equal', text: 'announce an agreement' },
    ]);
    assert.equal(compactDiff(parts), 'I’m really proud that [−this afternoon, we’re able to] [+today we can] announce an agreement');
    assert.equal(compactDiff(parts, 2), '… proud that [−this afternoon, we’re able to] [+today we can] announce an agreement');
  });

  test('words left out at a marked omission are shown as an omission, not a deletion', () => {
    const recorded = 'very thankful to the UK for such big support';
    const written = 'very thankful … for such big support';
    // "for", the third written word, follows the omission.
    const gaps = [2];
    const parts = diffWords(recorded, wordTokens(recorded), written, wordTokens(written), gaps);
    assert.deepEqual(
      parts.map((p) => p.op),
      ['equal', 'omitted', 'equal'],
    );
    assert.equal(compactDiff(parts), 'very thankful […] for such big support');
  });
});

suite('checker: quotations', () => {
  const inner = (text: string, format: Parameters<typeof findQuotations>[1] = 'markdown'): string[] =>
    findQuotations(text, format).map((q) => text.slice(q.innerStart, q.innerEnd));

  test('every kind of quotation mark, and none in apostrophes', () => {
    assert.deepEqual(inner("He said “one”, \"two\", ‘three’ and 'four'; it’s Starmer's «five»."), ['one', 'two', 'three', 'four', 'five']);
    assert.deepEqual(inner("He said ``one'' and `two'.", 'latex'), ['one', 'two']);
    assert.deepEqual(inner('\\enquote{one \\emph{two}} three', 'latex'), ['one \\emph{two}']);
    assert.deepEqual(inner('<p class="x">He said <q>one</q> and &ldquo;two&rdquo;.</p>', 'html'), ['one', 'two']);
  });

  test('a mark left open at the end of a paragraph opens nothing', () => {
    assert.deepEqual(inner('He said “one.\n\nThen “two” came.'), ['two']);
  });

  test('block quotations in each format, without their attribution line', () => {
    assert.deepEqual(
      inner('Intro.\n\n> one two\n> three\n> — Someone\n\nAfter.').map((s) => s.replace(/\s*>\s*/g, ' ').trim()),
      ['one two three'],
    );
    assert.deepEqual(
      inner('\\begin{quote}\none two\n\\end{quote}', 'latex').map((s) => s.trim()),
      ['one two'],
    );
    assert.deepEqual(inner('<blockquote><p>one two</p></blockquote>', 'html'), ['<p>one two</p>']);
    assert.deepEqual(inner('Intro.\n\n____\none two\n____\n', 'asciidoc'), ['one two']);
    assert.deepEqual(
      inner('Intro.\n\n   one two\n   three\n\nAfter.\n', 'restructuredtext').map((s) => s.trim().replace(/\s+/g, ' ')),
      ['one two three'],
    );
  });

  test('brackets and ellipses split the quoted words into segments', () => {
    const text = '“very thankful to the UK … [for] such big support”';
    const [q] = findQuotations(text, 'markdown');
    const words = quotedWords(text, q, markupOf('markdown'));
    assert.deepEqual(
      words.words.map((w) => w.text),
      ['very', 'thankful', 'to', 'the', 'uk', 'such', 'big', 'support'],
    );
    assert.deepEqual(words.segments, [0, 5]);
  });
});

suite('checker: the document’s own date and prose', () => {
  test('front matter, \\date, :revdate:, :date:, a meta tag, or a Date: line', () => {
    assert.equal(documentDate('---\ntitle: x\ndate: 2026-03-02\n---\ntext', 'markdown')?.iso, '2026-03-02');
    assert.equal(documentDate('---\ndate: "2 March 2026"\n---\n', 'markdown')?.iso, '2026-03-02');
    assert.equal(documentDate('\\title{x}\n\\date{March 2, 2026}\n', 'latex')?.iso, '2026-03-02');
    assert.equal(documentDate('= Title\n:revdate: 2026-03-02\n', 'asciidoc')?.iso, '2026-03-02');
    assert.equal(documentDate('Title\n=====\n\n:date: 2026-03-02\n', 'restructuredtext')?.iso, '2026-03-02');
    assert.equal(documentDate('<meta name="date" content="2026-03-02">', 'html')?.iso, '2026-03-02');
    assert.equal(documentDate('Memo\nDate: 2 March 2026\n\nText', 'plaintext')?.iso, '2026-03-02');
    assert.equal(documentDate('\\date{\\today}', 'latex'), undefined);
    assert.equal(documentDate('No date here.', 'markdown'), undefined);
  });

  test('what is not prose is blanked, offsets and lines kept', () => {
    const md = '---\ntitle: "Zelensky"\n---\nText[^a] `code` here.\n\n[^a]: Source, 23 June 2025.\n';
    const prose = proseText(md, 'markdown');
    assert.equal(prose.length, md.length);
    assert.equal(prose.split('\n').length, md.split('\n').length);
    assert.ok(!prose.includes('Zelensky') && !prose.includes('code') && !prose.includes('2025') && prose.includes('Text') && prose.includes('here.'));
  });
});

suite('checker: checks after edits, and reading ahead of a first check', () => {
  /** A long Markdown draft of the corpus's paragraphs, correct and wrong, in markdown only. */
  function longDraft(): string {
    const paragraphs = [...readCorpus('correct.md'), ...readCorpus('errors.md')].filter((p) => p.format === 'markdown').map((p) => p.text);
    const out: string[] = ['---', 'date: 2025-07-01', '---', ''];
    for (let round = 0; round < 6; round++) out.push(...paragraphs.map((t, i) => (i % 7 === round ? `${t} (round ${round})` : t)));
    return out.join('\n\n');
  }

  /** What a writer sees of findings: codes, ranges, messages and what each fix makes of the text. */
  function seen(text: string, findings: readonly Finding[]): string[] {
    return findings.map(
      (f) =>
        `${f.code} ${f.start}-${f.end} ${f.message} | ${f.fixes
          .map((x) => {
            const after = apply(text, x.edits);
            return `${x.title} => ${after.length}:${after.slice(Math.max(0, f.start - 20), f.end + 200)}`;
          })
          .join(' | ')}`,
    );
  }

  /** The same check with nothing kept from earlier checks: a fact base of its own. */
  function fresh(text: string): Finding[] {
    return checkDocument(text, buildFactIndex([bundled().loaded]).index, options());
  }

  test('after each edit, the findings are those of a check from scratch', function () {
    // Six checks of a long draft and every fix of every finding applied to it: slow on a loaded machine, and no timing test.
    this.timeout(90_000);
    const index = buildFactIndex([bundled().loaded]).index;
    let text = longDraft();
    const edits: ((t: string) => string)[] = [
      (t) => t.replace('Starmer', 'Starmer, the Prime Minister,'),
      (t) => `${t.slice(0, t.length >> 1)}\n\nA new paragraph on 23 June 2025 about Rustem Umerov.\n\n${t.slice(t.length >> 1)}`,
      (t) => t.replace(/\n\n/, '\n\nInserted at the top.\n\n'),
      (t) => t.slice(0, t.lastIndexOf('\n\n')),
      (t) => t.replace('Zelenskyy', 'Zelensky'),
    ];
    assert.deepEqual(seen(text, checkDocument(text, index, options())), seen(text, fresh(text)));
    for (const edit of edits) {
      text = edit(text);
      const after = checkDocument(text, index, options());
      assert.ok(after.length > 20, 'the draft has findings to compare');
      assert.deepEqual(seen(text, after), seen(text, fresh(text)));
    }
  });

  test('a quotation the writer did not touch gets fixes for the document as it is now: a citation added before it changes them', () => {
    const index = buildFactIndex([bundled().loaded]).index;
    const misquote =
      'Starmer said: “I’m really proud that today we can announce an industrial military co-production agreement - the first of its kind so far as Ukraine and the UK are concerned”.';
    let text = `Intro.\n\n${misquote}\n\nBetween.\n\n${misquote}\n\nEnd.`;
    const before = checkDocument(text, index, options()).filter((f) => f.code === 'misquote');
    assert.equal(before.length, 2);
    // Each fix cites the source and adds its footnote definition at the end of the document.
    const definition = (f: Finding): TextEdit | undefined => f.fixes[0].edits.find((e) => e.text.includes(']: '));
    assert.ok(definition(before[0]) && definition(before[1]));
    const quoted = text.slice(before[1].start, before[1].end);
    // The writer applies the first fix: the second paragraph is as it was, but the footnote is defined now.
    text = apply(text, before[0].fixes[0].edits);
    const after = checkDocument(text, index, options()).filter((f) => f.code === 'misquote');
    assert.equal(after.length, 1);
    assert.equal(text.slice(after[0].start, after[0].end), quoted);
    assert.equal(definition(after[0]), undefined, 'the footnote is defined: the fix only cites it');
    assert.match(after[0].fixes[0].edits.map((e) => e.text).join(''), /\[\^[^\]]+\]$/);
    assert.deepEqual(seen(text, checkDocument(text, index, options())), seen(text, fresh(text)));
    // A paragraph added before it moves it and the end of the document: its fix follows.
    text = `Added first, about Keir Starmer.\n\n${text}\n\nAdded last.`;
    assert.deepEqual(seen(text, checkDocument(text, index, options())), seen(text, fresh(text)));
  });

  test('what a quotation’s verdict depends on outside its paragraph is not taken from another document', () => {
    const index = buildFactIndex([bundled().loaded]).index;
    // A quotation run on from the paragraph before is that paragraph's speaker's.
    const rendering =
      '“I am very proud that today we can announce an agreement on joint industrial military production – the first of its kind for Ukraine and Great Britain.”';
    const codes = (text: string): string[] => checkDocument(text, index, options()).map((f) => f.code);
    assert.deepEqual(codes(`Keir Starmer spoke on 23 June 2025.\n\n${rendering}`), ['rendering-as-words']);
    assert.deepEqual(codes(`Someone spoke on 23 June 2025.\n\n${rendering}`), []);
    assert.deepEqual(codes(`Keir Starmer spoke on 23 June 2025.\n\n${rendering}`), ['rendering-as-words']);
    // Words not recorded on the day the document speaks of: the same paragraph in a document of another date is not judged.
    const unrecorded = 'Starmer said he was “very happy that we can now announce a brand new co-production agreement with Ukraine”.';
    const dated = (iso: string): string => `---\ndate: ${iso}\n---\n\n${unrecorded}`;
    assert.deepEqual(codes(dated('2025-06-23')), ['unrecorded-quote']);
    assert.deepEqual(codes(dated('2025-01-01')), []);
    assert.deepEqual(codes(dated('2025-06-23')), ['unrecorded-quote']);
    // The same paragraph in a document with a rule switched off, then on again.
    assert.deepEqual(
      checkDocument(dated('2025-06-23'), index, options({ rules: { 'unrecorded-quote': false } })).map((f) => f.code),
      [],
    );
    assert.deepEqual(codes(dated('2025-06-23')), ['unrecorded-quote']);
  });

  test('a draft without blank lines, one long paragraph: judged in many steps, with the findings of a check in one go', () => {
    const text = longDraft().replace(/\n\n/g, '\n');
    const index = buildFactIndex([bundled().loaded]).index;
    const it = checkSteps(text, index, options(), 4096);
    let steps = 0;
    let r = it.next();
    for (; !r.done; r = it.next()) steps++;
    assert.ok(r.value.length > 20, 'the draft has findings to compare');
    assert.ok(steps > 20, `${steps} steps for one paragraph of ${text.length} characters`);
    assert.deepEqual(seen(text, r.value), seen(text, fresh(text)));
  });

  test('a check in small steps finds what a check in one go finds, and its paragraphs are not read again', () => {
    const text = longDraft();
    const index = buildFactIndex([bundled().loaded]).index;
    let reads = 0;
    const findAllPacked = index.findAllPacked.bind(index);
    index.findAllPacked = (...args: Parameters<typeof index.findAllPacked>) => {
      reads++;
      return findAllPacked(...args);
    };
    const run = (): { steps: number; findings: Finding[] } => {
      const it = checkSteps(text, index, options(), 4096);
      for (let steps = 0; ; steps++) {
        const r = it.next();
        if (r.done) return { steps, findings: r.value };
      }
    };
    const first = run();
    assert.ok(first.steps >= text.length / 4096 / 2, `${first.steps} steps for ${text.length} characters`);
    assert.ok(reads > 100, `${reads} paragraphs read`);
    assert.deepEqual(seen(text, first.findings), seen(text, fresh(text)));
    reads = 0;
    const again = run();
    assert.equal(reads, 0, 'no paragraph is read twice');
    assert.ok(again.steps < first.steps, 'the second check has fewer steps: reading is done');
    assert.deepEqual(seen(text, again.findings), seen(text, first.findings));
  });
  test('a writer typing in a long draft does not make the check keep each version of it', function () {
    if (!global.gc) this.skip();
    const index = buildFactIndex([bundled().loaded]).index;
    // About 1 MB: the paragraphs read are kept by their text, as slices of the prose they were last found in.
    let text = Array.from({ length: 12 }, (_, i) => longDraft().replace(/\(round (\d)\)/g, `(round $1.${i})`)).join('\n\n');
    const heap = (): number => {
      global.gc!();
      return process.memoryUsage().heapUsed;
    };
    checkDocument(text, index, options());
    const base = heap();
    // Forty keystrokes, each in another paragraph: forty versions of the prose, each 1 MB or more.
    for (let k = 0; k < 40; k++) {
      const at = text.indexOf('\n\n', Math.floor((((k * 7919) % 997) / 997) * (text.length - 10)));
      text = `${text.slice(0, at)} x${k}${text.slice(at)}`;
      checkDocument(text, index, options());
    }
    const grown = heap() - base;
    assert.ok(text.length > 900_000, `${text.length} characters`);
    assert.ok(grown < 6 * text.length * 2, `${(grown / 1e6).toFixed(1)} MB more kept after forty edits of a ${(text.length / 1e6).toFixed(1)} MB draft`);
  });
});
