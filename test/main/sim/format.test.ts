import { describe, expect, it } from 'vitest';
import {
  candidatePayload,
  formatPercent,
  formatReporting,
  formatVotes,
  measureEntry,
  toCsv,
} from '../../../main/sim/format.js';
import type { RaceResults } from '../../../main/sim/results.js';

const results: RaceResults = {
  raceId: '13000001000059',
  title: 'State Assembly District 1 - Districtwide Results',
  kind: 'candidates',
  load: 4,
  reportingTime: new Date('2026-11-04T05:07:00Z'),
  precincts: 295,
  precinctsTotal: 524,
  candidates: [
    { name: 'Pat "Sunny" Example', party: 'Rep', votes: 27_389, incumbent: false },
    { name: 'Ada Q. Sample, Jr.', party: 'Rep', votes: 46_086, incumbent: true },
  ],
  measure: null,
};

describe('formatting numbers as the API writes them', () => {
  it('puts commas in candidate votes from 1,000 up, and none in measure votes', () => {
    expect(formatVotes(0, true)).toBe('0');
    expect(formatVotes(999, true)).toBe('999');
    expect(formatVotes(1_386_966, true)).toBe('1,386,966');
    expect(formatVotes(3_154_163, false)).toBe('3154163');
  });

  it('writes one-decimal percents, "0.0" before any vote', () => {
    expect(formatPercent(27_389, 73_475)).toBe('37.3');
    expect(formatPercent(1, 1)).toBe('100.0');
    expect(formatPercent(0, 0)).toBe('0.0');
  });

  it('rounds Reporting to one decimal and drops ".0" only in the query style', () => {
    expect(formatReporting(295, 524, 'query')).toBe('56.3% (295 of 524) precincts reporting');
    expect(formatReporting(95, 790, 'query')).toBe('12% (95 of 790) precincts reporting');
    expect(formatReporting(0, 19_788, 'query')).toBe('0% (0 of 19,788) precincts reporting');
    expect(formatReporting(24_811, 24_811, 'contest')).toBe('100.0% (24,811 of 24,811) precincts reporting');
  });
});

describe('payloads', () => {
  it('builds a candidate contest with every value a string except incumbent', () => {
    expect(candidatePayload(results, 'query')).toEqual({
      raceTitle: 'State Assembly District 1 - Districtwide Results',
      Reporting: '56.3% (295 of 524) precincts reporting',
      ReportingTime: 'November 3, 2026, 9:07 p.m.',
      candidates: [
        { Name: 'Pat "Sunny" Example', Party: 'Rep', Votes: '27,389', Percent: '37.3', incumbent: false },
        { Name: 'Ada Q. Sample, Jr.', Party: 'Rep', Votes: '46,086', Percent: '62.7', incumbent: true },
      ],
    });
  });

  it('pads proposition numbers to two digits', () => {
    expect(measureEntry({ number: 2, name: 'Test Bonds', yes: 10, no: 30 })).toEqual({
      Name: 'Test Bonds',
      Number: '02',
      yesVotes: '10',
      yesPercent: '25.0',
      noVotes: '30',
      noPercent: '75.0',
    });
  });

  it('quotes CSV fields holding commas and quotes', () => {
    const lines = toCsv([candidatePayload(results, 'contest')]).split('\r\n');

    expect(lines[1]).toBe(
      'State Assembly District 1 - Districtwide Results,56.3% (295 of 524) precincts reporting,' +
        '"November 3, 2026, 9:07 p.m.","Pat ""Sunny"" Example",Rep,"27,389",37.3,false',
    );
    expect(lines[2]).toContain(',"Ada Q. Sample, Jr.",Rep,"46,086",62.7,true');
  });
});
