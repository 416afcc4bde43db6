// The parts of the `shevchenko` package that decline a word by its rules,
// without the neural classifier of family names (and its TensorFlow runtime)
// that the package's main module loads. Types as in its dist/es/*.d.ts.
declare module 'shevchenko/dist/cjs/word-declension/rules/artifacts/declension-rules.json.js' {
  export interface ShevchenkoRule {
    description: string;
    wordClass: 'noun' | 'adjective';
    gender: ('masculine' | 'feminine')[];
    priority: number;
    applicationType: ('givenName' | 'patronymicName' | 'familyName')[];
    pattern: { find: string; modify: string };
    grammaticalCases: Record<string, unknown[]>;
  }
  const rules: ShevchenkoRule[];
  export default rules;
}
declare module 'shevchenko/dist/cjs/word-declension/declension-rule-inflector.js' {
  import type { ShevchenkoRule } from 'shevchenko/dist/cjs/word-declension/rules/artifacts/declension-rules.json.js';
  export class DeclensionRuleInflector {
    constructor(rule: ShevchenkoRule);
    inflect(word: string, grammaticalCase: string): string;
  }
}
