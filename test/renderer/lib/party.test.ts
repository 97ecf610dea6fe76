// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  BOARD_BACKGROUND,
  BOARD_MUTED_TEXT,
  BOARD_TEXT,
  KNOWN_PARTY_COLOURS,
  OTHER_PARTY_COLOUR,
  partyColour,
  partyName,
} from '../../../renderer/src/lib/party.js';

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('party colours', () => {
  it('keeps every party colour at 3:1 or more against the board background', () => {
    for (const colour of KNOWN_PARTY_COLOURS) {
      expect(contrast(colour, BOARD_BACKGROUND), colour).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps text at WCAG AA contrast (4.5:1) against the background', () => {
    expect(contrast(BOARD_TEXT, BOARD_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(BOARD_MUTED_TEXT, BOARD_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });

  it('matches parties whatever their case, and gives unknown ones a neutral colour', () => {
    expect(partyColour('DEM')).toBe(partyColour('Dem'));
    expect(partyColour('Whig')).toBe(OTHER_PARTY_COLOUR);
  });

  it('names parties in full for screen readers', () => {
    expect(partyName('P&F')).toBe('Peace and Freedom');
    expect(partyName('Whig')).toBe('Whig');
  });
});
