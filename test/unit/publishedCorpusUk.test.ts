// The fact check on Ukrainian news prose nobody here wrote. The check reads
// Ukrainian by its script (Cyrillic dates, names in every case, Ukrainian
// roles), as it does in a document of any declared language.

import { publishedCorpusSuite } from './publishedCorpus';

publishedCorpusSuite({
  file: 'published-uk.md',
  title: 'checker: published Ukrainian prose',
  kinds: ['role', 'event date', 'relative date', 'misquote', 'spelling'],
});
