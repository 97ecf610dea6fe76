/**
 * Candidates for each contest of a top-two general: usually a Democrat and a Republican,
 * sometimes two of one party where a district leans hard, now and then a minor party.
 * Controller carries the three candidates of the API's own documentation.
 */
import type { Contest } from '../../shared/contests.js';
import { inventName, type NameFlavour } from './names.js';
import type { Random } from './random.js';

export type Party = 'Dem' | 'Rep' | 'NPP' | 'Grn' | 'P&F' | 'Lib' | 'AI';

export interface BallotCandidate {
  readonly name: string;
  readonly party: Party;
  readonly incumbent: boolean;
}

interface Draft extends BallotCandidate {
  readonly surname: string;
}

/** Ballot order groups candidates by party in this order, then roughly by surname. */
const PARTY_ORDER: readonly Party[] = ['Dem', 'Rep', 'AI', 'Grn', 'Lib', 'P&F', 'NPP'];
const MINOR_PARTIES: readonly Party[] = ['NPP', 'Grn', 'P&F', 'Lib', 'AI'];

const CONTROLLER: readonly Draft[] = [
  { name: 'Malia M. Cohen', surname: 'Cohen', party: 'Dem', incumbent: true },
  { name: 'Herb W Morgan', surname: 'Morgan', party: 'Rep', incumbent: false },
  { name: 'Meghann Adams', surname: 'Adams', party: 'P&F', incumbent: false },
];

/** Names the first few candidates of a ballot so every ballot shows each tricky shape early. */
const FIRST_FLAVOURS: readonly NameFlavour[] = ['accent', 'suffix', 'nickname'];

function flavourFor(random: Random, serial: number): NameFlavour {
  const forced = FIRST_FLAVOURS[serial];
  if (forced) return forced;
  const roll = random.next();
  if (roll < 0.08) return 'accent';
  if (roll < 0.11) return 'suffix';
  return roll < 0.14 ? 'nickname' : 'plain';
}

function partiesFor(contest: Contest, lean: number, random: Random): Party[] {
  if (contest.kind !== 'district') return random.chance(0.125) ? ['Dem', 'Dem'] : ['Dem', 'Rep'];
  if (lean > 0.9 && random.chance(0.35)) return ['Dem', 'Dem'];
  if (lean < -0.7 && random.chance(0.35)) return ['Rep', 'Rep'];
  if (random.chance(0.07)) return [lean > 0 ? 'Dem' : 'Rep', random.pick(MINOR_PARTIES)];
  return ['Dem', 'Rep'];
}

function ballotOrder(a: Draft, b: Draft): number {
  const byParty = PARTY_ORDER.indexOf(a.party) - PARTY_ORDER.indexOf(b.party);
  return byParty !== 0 ? byParty : a.surname.localeCompare(b.surname, 'en');
}

/** Counts names drawn across one ballot, so the forced shapes land on its first contest. */
export interface NameCounter {
  serial: number;
}

export function buildCandidates(
  contest: Contest,
  lean: number,
  random: Random,
  counter: NameCounter,
): BallotCandidate[] {
  const drafts =
    contest.slug === 'controller' ? [...CONTROLLER] : inventDrafts(contest, lean, random, counter);
  return drafts.sort(ballotOrder).map(({ name, party, incumbent }) => ({ name, party, incumbent }));
}

function inventDrafts(contest: Contest, lean: number, random: Random, counter: NameCounter): Draft[] {
  const parties = partiesFor(contest, lean, random);
  const incumbentIndex = random.chance(0.45) ? random.int(0, parties.length - 1) : -1;
  return parties.map((party, index) => {
    const { name, surname } = inventName(random, flavourFor(random, counter.serial++));
    return { name, surname, party, incumbent: index === incumbentIndex };
  });
}
