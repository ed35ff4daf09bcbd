// SPDX-License-Identifier: UNLICENSED
import { describe, expect, it } from 'vitest';
import { spoofingCharacter } from './spoofingCharacters';

describe('spoofingCharacter', () => {
  const refused = [
    ...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069],
    ...[0x200b, 0x200e, 0x200f, 0x2060, 0xfeff],
    ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
    0x7f,
  ];
  it.each(refused.map((c) => [`U+${c.toString(16).toUpperCase().padStart(4, '0')}`, c]))('refuses %s anywhere in a name', (name, c) => {
    const ch = String.fromCodePoint(c);
    for (const text of [`${ch}Milk`, `Milk${ch} 1L`, `حليب${ch}`]) expect(spoofingCharacter(text), text).toBe(name);
  });

  it('finds the spoofed receipt line of the review', () => {
    expect(spoofingCharacter('Milk 1L\u202E!EERF - 00.0 RAS\u202C')).toBe('U+202E');
  });

  it.each([
    ['Persian ZWNJ inside a word', 'می\u200Cخواهم'],
    ['ZWJ between Arabic letters', 'ه\u200Dـ'],
    ['an emoji ZWJ sequence', 'Family pack 👨\u200D👩\u200D👧'],
    ['plain Arabic and English', 'حليب طازج | Fresh milk 1L'],
    ['Arabic with a combining mark before ZWNJ', 'بِ\u200Cن'],
  ])('allows %s', (_what, text) => expect(spoofingCharacter(text)).toBeUndefined());

  it.each([
    ['ZWNJ at the start', '\u200CMilk', 'U+200C'],
    ['ZWJ at the end', 'Milk\u200D', 'U+200D'],
    ['ZWNJ before a digit', 'Milk \u200C0.00', 'U+200C'],
    ['ZWJ next to a space', 'Milk\u200D FREE', 'U+200D'],
    ['the first of two', 'a\u200Cb \u200E', 'U+200E'],
  ])('refuses %s', (_what, text, character) => expect(spoofingCharacter(text)).toBe(character));
});
