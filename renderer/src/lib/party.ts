/**
 * Party colours from the Okabe-Ito palette, which stays distinguishable with the common
 * forms of colour blindness. Colour is never the only cue: the party's abbreviation is
 * always printed beside it. Every colour keeps 3:1 contrast against the board background
 * (WCAG 1.4.11 for graphics); a test checks it.
 */

export const BOARD_BACKGROUND = '#0b1016';
export const BOARD_TEXT = '#f4f6f8';
export const BOARD_MUTED_TEXT = '#b8c2cc';

const PARTY_COLOURS: Readonly<Record<string, string>> = {
  dem: '#0a84d0',
  rep: '#e0620d',
  grn: '#009e73',
  lib: '#f0e442',
  'p&f': '#cc79a7',
  ai: '#e69f00',
  npp: '#8c959f',
};

export const OTHER_PARTY_COLOUR = '#aab4be';

const PARTY_NAMES: Readonly<Record<string, string>> = {
  dem: 'Democratic',
  rep: 'Republican',
  grn: 'Green',
  lib: 'Libertarian',
  'p&f': 'Peace and Freedom',
  ai: 'American Independent',
  npp: 'No party preference',
};

export function partyColour(party: string): string {
  return PARTY_COLOURS[party.trim().toLowerCase()] ?? OTHER_PARTY_COLOUR;
}

/** The full name for screen readers, or the abbreviation itself when unknown. */
export function partyName(party: string): string {
  return PARTY_NAMES[party.trim().toLowerCase()] ?? party;
}

export const KNOWN_PARTY_COLOURS: readonly string[] = [...Object.values(PARTY_COLOURS), OTHER_PARTY_COLOUR];
