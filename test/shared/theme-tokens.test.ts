import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

type Tokens = Record<string, string>;
type Pair = [foreground: string, background: string, minimum: number];

const TEXT = 4.5;
const UI = 3;

const STYLES = new URL('../../client/src/styles/', import.meta.url);
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '');
const css = withoutComments(readFileSync(new URL('tokens.css', STYLES), 'utf8'));

function declarations(block: string): Tokens {
  const tokens: Tokens = {};
  for (const [, name, value] of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    tokens[name!] = value!.trim();
  }
  return tokens;
}

const darkBlock = /@media \(prefers-color-scheme: dark\)\s*{\s*:root\s*{([^}]*)}/.exec(css);
const light = declarations(/^:root\s*{([^}]*)}/m.exec(css)?.[1] ?? '');
const darkOverrides = declarations(darkBlock?.[1] ?? '');
const THEMES: Record<string, Tokens> = { light, dark: { ...light, ...darkOverrides } };

function channels(hex: string): number[] {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`not a six-digit hex colour: ${hex}`);
  return [0, 2, 4].map((at) => parseInt(match[1]!.slice(at, at + 2), 16) / 255);
}

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function ratio(a: number[], b: number[]): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

function hsl(hue: number, saturation: number, lightness: number): number[] {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    return lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [f(0), f(8), f(4)];
}

const on = (backgrounds: string[], foregrounds: string[], minimum: number): Pair[] =>
  backgrounds.flatMap((bg) => foregrounds.map((fg): Pair => [fg, bg, minimum]));

const PAIRS: Pair[] = [
  ...on(
    ['--bg', '--surface', '--surface-muted', '--surface-hover', '--brand-soft'],
    ['--text', '--text-secondary', '--text-muted', '--brand-text', '--danger'],
    TEXT,
  ),
  ...on(['--bg', '--surface', '--surface-hover'], ['--success', '--warning', '--purple'], TEXT),
  ...on(['--brand', '--brand-hover', '--brand-active'], ['--text-on-brand'], TEXT),
  ...on(['--danger-solid', '--danger-hover'], ['--text-on-danger'], TEXT),
  ...on(['--neutral-soft'], ['--text', '--text-secondary', '--neutral-text'], TEXT),
  ...on(['--toast-bg'], ['--toast-text', '--toast-muted', '--toast-icon'], TEXT),
  ['--brand-disabled-text', '--brand-disabled', TEXT],
  ['--text-placeholder', '--surface', TEXT],
  ['--danger', '--danger-soft', TEXT],
  ['--success', '--success-soft', TEXT],
  ['--warning', '--warning-soft', TEXT],
  ['--brand-text', '--brand-soft-strong', TEXT],
  ['--note-text', '--note', TEXT],
  ['--purple', '--purple-soft', TEXT],
  ['--text-on-brand', '--phone-mine', TEXT],
  ...on(
    ['--bg', '--surface', '--surface-muted', '--surface-hover', '--brand-soft'],
    ['--focus'],
    UI,
  ),
  ...on(['--surface', '--surface-muted'], ['--input-border', '--brand', '--danger-solid'], UI),
  ['--toast-text', '--toast-bg', UI],
  ...on(['--surface'], ['--chart-1', '--chart-2', '--chart-axis'], UI),
  ['--chart-2', '--chart-2-soft', UI],
];

const pct = (value: string | undefined) => Number.parseFloat(value ?? '') / 100;

describe.each(Object.entries(THEMES))('the %s theme', (_name, tokens) => {
  it.each(PAIRS)('shows %s on %s at %d:1 or more', (fg, bg, minimum) => {
    const contrast = ratio(channels(tokens[fg] ?? fg), channels(tokens[bg] ?? bg));
    expect(contrast).toBeGreaterThanOrEqual(minimum);
  });

  it('gives every avatar hue readable initials', () => {
    const background = [pct(tokens['--avatar-bg-s']), pct(tokens['--avatar-bg-l'])] as const;
    const text = [pct(tokens['--avatar-text-s']), pct(tokens['--avatar-text-l'])] as const;
    for (let hue = 0; hue < 360; hue += 15) {
      expect(ratio(hsl(hue, ...text), hsl(hue, ...background))).toBeGreaterThanOrEqual(TEXT);
    }
  });
});

describe('the dark theme', () => {
  it('overrides every colour of the light theme', () => {
    const colours = Object.keys(light).filter((name) => /#|rgba?\(|%$/.test(light[name]!));
    expect(colours.filter((name) => !(name in darkOverrides))).toEqual([]);
  });
});

describe('the stylesheets', () => {
  const LITERAL =
    /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(\s*[\d.]|(?<![\w-])(?:white|black)(?![\w-])/gi;
  const sheets = readdirSync(STYLES).filter(
    (file) => file.endsWith('.css') && file !== 'tokens.css',
  );

  it.each(sheets)('%s writes colours only as custom properties', (file) => {
    const text = withoutComments(readFileSync(new URL(file, STYLES), 'utf8'));
    const rules = text.replace(/--[\w-]+\s*:[^;]*;/g, '');
    expect(rules.match(LITERAL) ?? []).toEqual([]);
  });

  it('uses only custom properties that some stylesheet defines', () => {
    const all = readdirSync(STYLES)
      .filter((file) => file.endsWith('.css'))
      .map((file) => withoutComments(readFileSync(new URL(file, STYLES), 'utf8')))
      .join('\n');
    const defined = new Set([...all.matchAll(/(--[\w-]+)\s*:/g)].map((match) => match[1]));
    const used = new Set([...all.matchAll(/var\((--[\w-]+)/g)].map((match) => match[1]));
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
  });
});
