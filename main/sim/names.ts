/**
 * Invented, plainly fictional candidate names: a first name from a list and a surname built
 * from syllables, with now and then an accent, a suffix or an embedded-quote nickname, the
 * shapes real ballots carry (`Pat "Sunny" Example`).
 */
import type { Random } from './random.js';

export interface CandidateName {
  /** The name as the ballot prints it. */
  readonly name: string;
  /** What ballot order sorts by. */
  readonly surname: string;
}

export type NameFlavour = 'plain' | 'accent' | 'suffix' | 'nickname';

// prettier-ignore
const FIRST_NAMES = [
  'Avery', 'Blair', 'Corin', 'Dana', 'Ellis', 'Frankie', 'Gale', 'Harper', 'Indra', 'Jules',
  'Kendry', 'Loren', 'Marlo', 'Noel', 'Oakley', 'Perrin', 'Quill', 'Rowan', 'Sasha', 'Tamsin',
  'Umber', 'Vale', 'Wren', 'Yael', 'Zephyr', 'Marisol', 'Tobias', 'Odette', 'Lucan', 'Imani',
];
const ACCENTED_FIRST_NAMES = ['José', 'Zoë', 'Renée', 'Inés', 'Søren', 'Chloé', 'Mónica', 'Raúl'];
const NICKNAMES = ['Sunny', 'Buzz', 'Kit', 'Dusty', 'Skip', 'Birdie', 'Sparky', 'Tex'];
const SUFFIXES = ['Jr.', 'Sr.', 'III', 'II'];
const INITIALS = 'ABCDEFGHJKLMNPRSTVW';

const ONSETS = ['Br', 'Qu', 'Fen', 'Thal', 'Mor', 'Vask', 'Oll', 'Pim', 'Zand', 'Grel', 'Hob', 'Tr', 'Wex'];
const MIDDLES = ['a', 'e', 'i', 'o', 'u', 'ae', 'io', 'ar', 'el'];
const CODAS = ['wick', 'mire', 'don', 'stock', 'bury', 'lowe', 'quist', 'nard', 'ford', 'vell', 'tonk'];
const ACCENTED_CODAS = ['ñez', 'ço', 'ère', 'ström', 'ález'];

function surname(random: Random, accented: boolean): string {
  const coda = accented ? random.pick(ACCENTED_CODAS) : random.pick(CODAS);
  return random.pick(ONSETS) + random.pick(MIDDLES) + coda;
}

/** One fictional name; `flavour` forces a shape so every ballot carries each kind at least once. */
export function inventName(random: Random, flavour: NameFlavour = 'plain'): CandidateName {
  const accented = flavour === 'accent';
  const first = accented ? random.pick(ACCENTED_FIRST_NAMES) : random.pick(FIRST_NAMES);
  const last = surname(random, accented && random.chance(0.5));
  const initial = random.chance(0.3) ? ` ${random.pick([...INITIALS])}.` : '';

  if (flavour === 'nickname') return { name: `${first} "${random.pick(NICKNAMES)}" ${last}`, surname: last };
  if (flavour === 'suffix')
    return { name: `${first}${initial} ${last} ${random.pick(SUFFIXES)}`, surname: last };
  return { name: `${first}${initial} ${last}`, surname: last };
}
