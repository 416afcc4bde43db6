// latex-utensils' BibTeX parser (the one LaTeX Workshop uses) timed on a
// bibliography file, in a process of its own: its parse of the 100k-sized
// bibliography (64 MB) holds some 3 GB, more than the benchmark's own heap has
// room for beside its fact bases, and a heap of its own is also what the
// parser has in an editor. Run by load.mjs as
//   node --expose-gc --max-old-space-size=8192 bibtex.mjs <file> <reps> <entries>
// and prints {"times":[ms...],"entries":n} as its last line.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { settle } from './stats.mjs';

const require = createRequire(import.meta.url);
const { bibtexParser } = require('latex-utensils');

const [file, repsArg, entriesArg] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const reps = Number(repsArg);
const expected = Number(entriesArg);
const times = [];
let entries = 0;
for (let i = 0; i < reps; i++) {
  settle();
  const t0 = performance.now();
  const parsed = bibtexParser.parse(text);
  times.push(performance.now() - t0);
  entries = parsed.content.length;
  if (entries < expected) throw new Error(`latex-utensils read ${entries} of ${expected} entries`);
}
console.log(JSON.stringify({ times, entries }));
