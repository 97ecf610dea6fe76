/**
 * Hand-made SOS payloads for the feed tests, in the API's exact shapes (strings everywhere,
 * thousands separators on candidate votes, none on measure votes). Names are invented.
 */
export interface RawCandidateInput {
  name: string;
  party?: string;
  votes: string;
  percent: string;
  incumbent?: boolean;
}

export function candidateContest(
  title: string,
  candidates: readonly RawCandidateInput[],
  options: { reporting?: string; time?: string } = {},
): Record<string, unknown> {
  return {
    raceTitle: title,
    Reporting: options.reporting ?? '41.5% (830 of 2,000) precincts reporting',
    ReportingTime: options.time ?? 'November 3, 2026, 9:05 p.m.',
    candidates: candidates.map((candidate) => ({
      Name: candidate.name,
      Party: candidate.party ?? 'Dem',
      Votes: candidate.votes,
      Percent: candidate.percent,
      incumbent: candidate.incumbent ?? false,
    })),
  };
}

export const ORCHARD_GOVERNOR = candidateContest('Governor - Statewide Results', [
  { name: 'Ada Quillfeather', votes: '12,000', percent: '40.0', incumbent: true },
  { name: 'Bruno "Brick" Hallowell', party: 'Rep', votes: '18,000', percent: '60.0' },
]);

export function assemblyContest(district: number, votes: readonly [string, string], time?: string) {
  const total = votes.map((v) => Number(v.replaceAll(',', ''))).reduce((a, b) => a + b, 0);
  const share = (v: string) =>
    total === 0 ? '0.0' : ((Number(v.replaceAll(',', '')) / total) * 100).toFixed(1);
  return candidateContest(
    `State Assembly District ${district} - Districtwide Results`,
    [
      { name: `Mina Overbrook ${district}`, votes: votes[0], percent: share(votes[0]) },
      { name: `Tobias Fernwhistle ${district}`, party: 'Rep', votes: votes[1], percent: share(votes[1]) },
    ],
    time === undefined ? {} : { time },
  );
}

export interface RawMeasureInput {
  number: string;
  name: string;
  yes: string;
  no: string;
  yesPercent: string;
  noPercent: string;
}

export function ballotMeasures(
  measures: readonly RawMeasureInput[],
  options: { title?: string; time?: string } = {},
): Record<string, unknown> {
  return {
    raceTitle: options.title ?? 'Ballot Measures - Statewide Results',
    Reporting: '12.0% (2,400 of 20,000) precincts reporting',
    ReportingTime: options.time ?? 'November 3, 2026, 9:05 p.m.',
    'ballot-measures': measures.map((m) => ({
      Name: m.name,
      Number: m.number,
      yesVotes: m.yes,
      yesPercent: m.yesPercent,
      noVotes: m.no,
      noPercent: m.noPercent,
    })),
  };
}

export const TWO_PROPOSITIONS = ballotMeasures([
  {
    number: '07',
    name: 'Lighthouse Bonds',
    yes: '1500000',
    no: '500000',
    yesPercent: '75.0',
    noPercent: '25.0',
  },
  {
    number: '51',
    name: 'Orchard Water Rights',
    yes: '900',
    no: '1100',
    yesPercent: '45.0',
    noPercent: '55.0',
  },
]);
