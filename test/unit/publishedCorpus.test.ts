// The fact check on English news prose nobody here wrote.

import { publishedCorpusSuite } from './publishedCorpus';

publishedCorpusSuite({
  file: 'published.md',
  title: 'checker: published prose',
  kinds: ['described event', 'summit opening', 'yearless date', 'scare quotes', 'two dates', 'previous paragraph', 'unrecorded quote', 'relative date'],
});
