/**
 * The raw material of the fuzzer: a seeded random source (the same seed, the same inputs), JSON text
 * with pieces no JavaScript value can produce (a number that overflows to Infinity, nesting 100,000
 * deep, a lone surrogate, a repeated key), and the odd values inputs are mutated with.
 */
export class Rng {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0 || 1;
  }
  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** JSON text put into a document as it is. */
export class Raw {
  constructor(
    readonly text: string,
    readonly label: string,
  ) {}
}

/** JSON text of a value whose parts may be Raw (containers are walked; the rest goes to JSON.stringify). */
export function jsonText(v: unknown): string {
  if (v instanceof Raw) {
    return v.text;
  }
  if (Array.isArray(v)) {
    return `[${v.map(jsonText).join(',')}]`;
  }
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const deepArray = (depth: number) => new Raw(`${'['.repeat(depth)}1${']'.repeat(depth)}`, `array nested ${depth} deep`);
const deepObject = (depth: number) =>
  new Raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, `object nested ${depth} deep`);

/** Odd strings: empty, long, unicode of every awkward kind, text that looks like something else. */
export const ODD_STRINGS: readonly unknown[] = [
  '',
  ' ',
  'x'.repeat(5001),
  'x'.repeat(100_000),
  'é'.repeat(5001),
  '😀'.repeat(2600),
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  'e\u0301\u0301\u0301',
  '\uFEFFbom',
  'line\nbreak\r\n',
  '../../etc/passwd',
  '%00%2e%2e',
  '<script>alert(1)</script>',
  "'; DROP TABLE sessions; --",
  'null',
  '{"a":1}',
  '11111111-1111-4111-8111-11111111111',
  '11111111-1111-4111-8111-1111111111111',
  new Raw('"\\ud800"', 'a lone surrogate'),
  new Raw('"\\udfff\\ud800"', 'reversed surrogates'),
];

/** Odd numbers: bounds, fractions, beyond 2^53, overflowing to Infinity, negative zero. */
export const ODD_NUMBERS: readonly unknown[] = [
  0,
  -1,
  1.5,
  100,
  101,
  -0.000001,
  1e308,
  -1e308,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  new Raw('1e999', '1e999 (Infinity)'),
  new Raw('-1e999', '-1e999'),
  new Raw('-0', '-0'),
  new Raw('1E-400', 'an underflow'),
];

/** Values of the wrong kind, and deep nesting. */
export const ODD_SHAPES: readonly unknown[] = [
  null,
  true,
  false,
  [],
  {},
  [1, 2, 3],
  { a: 1 },
  new Raw('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}', 'prototype keys'),
  deepArray(100),
  deepArray(5000),
  deepArray(100_000),
  deepObject(5000),
  deepObject(50_000),
];

export const ODD_VALUES: readonly unknown[] = [...ODD_STRINGS, ...ODD_NUMBERS, ...ODD_SHAPES];

/** Whole request bodies that are not what any endpoint expects. */
export const ODD_BODIES: readonly string[] = [
  '',
  'not json',
  '{',
  '[]',
  'null',
  '"string"',
  '{"a":1,"a":2}',
  '\u0000',
  `{"x":"${'y'.repeat(1_100_000)}"}`,
  `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
];
