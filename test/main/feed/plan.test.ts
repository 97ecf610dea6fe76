import { describe, expect, it } from 'vitest';
import { ContestPathError, planRequests, queryBatches, raceIdOfPath } from '../../../main/feed/plan.js';

function assemblyIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `13${String(i + 1).padStart(6, '0')}000059`);
}

describe('planning a poll cycle', () => {
  it('never puts more than 10 ids in a query, whatever it is asked', () => {
    const batches = queryBatches(assemblyIds(23), 50);

    expect(batches.map((batch) => batch.ids.length)).toEqual([10, 10, 3]);
  });

  it('honours a smaller batch size and keeps the ids in order', () => {
    const ids = assemblyIds(5);
    const batches = queryBatches(ids, 2);

    expect(batches.flatMap((batch) => batch.ids)).toEqual(ids);
    expect(batches[0]?.path).toBe(`/returns/query?r=${encodeURIComponent(JSON.stringify(ids.slice(0, 2)))}`);
  });

  it('fetches propositions once per scope, however many are asked for', () => {
    const plan = planRequests(
      ['19000000000759', '19000000005159', '19000000000721', '02000000000059', '02000000000059'],
      10,
    );

    expect(plan.map((request) => request.path)).toEqual([
      `/returns/query?r=${encodeURIComponent('["02000000000059"]')}`,
      '/returns/ballot-measures',
      '/returns/ballot-measures/county/marin',
    ]);
  });

  it('adds contest paths asked for by name', () => {
    const plan = planRequests([], 10, ['/returns/us-rep/district/7/county/lake']);

    expect(plan).toEqual([
      {
        kind: 'path',
        path: '/returns/us-rep/district/7/county/lake',
        answersFor: '11000007000017',
        wanted: null,
      },
    ]);
  });
});

describe('reading contest paths', () => {
  it('maps a path to the race it answers for', () => {
    expect(raceIdOfPath('/returns/governor')).toBe('02000000000059');
    expect(raceIdOfPath('/returns/ballot-measures/county/los-angeles')).toBe('19000000000119');
  });

  it('refuses paths the API does not serve', () => {
    expect(() => raceIdOfPath('/returns/dogcatcher')).toThrow(ContestPathError);
    expect(() => raceIdOfPath('/returns/us-rep/district/99')).toThrow(ContestPathError);
    expect(() => raceIdOfPath('/returns/governor/county/atlantis')).toThrow(ContestPathError);
  });
});
