/**
 * Race titles, read loosely ("Governor - Statewide Results", "State Assembly District 1 -
 * Districtwide Results", "Governor - Lake County Results"), and the check that an answer's
 * title fits the race id it was asked for. Titles change between elections, so only what
 * the title clearly says is held against the id: an office we cannot place is accepted.
 */
import { CONTESTS, type Contest } from '../../shared/contests.js';
import { countyByName } from '../../shared/counties.js';
import type { RaceScope } from '../../shared/model.js';
import type { RaceIdParts } from '../../shared/race-id.js';

export interface ParsedTitle {
  /** The office as the title names it, without the district: "State Assembly". */
  readonly office: string;
  readonly district: number | null;
  /** Null when the title does not say. */
  readonly scope: RaceScope | null;
  /** The county's canonical name when the title names one. */
  readonly county: string | null;
}

const DISTRICT_PATTERN = /^(.*?)\s*,?\s+District\s+(\d+)\s*$/i;
const COUNTY_PATTERN = /^(.+?)\s+County\b/i;

/** Extra spellings of offices seen in other elections' titles, by contest code. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  '09': ['member state board of equalization', 'state board of equalization'],
  '10': ['us senate', 'us senator', 'united states senate'],
  '11': ['us house', 'us representative', 'us representative in congress', 'united states representative'],
  '12': ['state senator'],
  '13': ['member of the state assembly', 'assembly', 'state assembly member'],
  '19': ['propositions', 'ballot measure', 'statewide propositions'],
};

function officeKey(office: string): string {
  return office
    .toLowerCase()
    .replace(/\bu\.\s*s\.(?=\s|$)/g, 'us')
    .replace(/\bunited states\b/g, 'us')
    .replace(/[^a-z0-9]+/g, '');
}

const contestByOffice = new Map<string, Contest>();
for (const contest of CONTESTS) {
  contestByOffice.set(officeKey(contest.label), contest);
  for (const alias of ALIASES[contest.code] ?? []) contestByOffice.set(officeKey(alias), contest);
}

function parseScope(part: string): { scope: RaceScope | null; county: string | null } {
  if (/statewide/i.test(part)) return { scope: 'statewide', county: null };
  if (/districtwide/i.test(part)) return { scope: 'districtwide', county: null };

  const countyName = COUNTY_PATTERN.exec(part.trim())?.[1];
  const county = countyName === undefined ? undefined : countyByName(countyName);
  return county ? { scope: 'county', county: county.name } : { scope: null, county: null };
}

export function parseTitle(title: string): ParsedTitle {
  const cut = Math.max(title.lastIndexOf(' - '), title.lastIndexOf(' – '));
  const head = (cut >= 0 ? title.slice(0, cut) : title).trim();
  const { scope, county } = cut >= 0 ? parseScope(title.slice(cut + 3)) : { scope: null, county: null };

  const district = DISTRICT_PATTERN.exec(head);
  if (district) {
    return { office: district[1] ?? head, district: Number(district[2]), scope, county };
  }
  return { office: head, district: null, scope, county };
}

/** The contest a title's office names, or undefined when it names none we know. */
export function contestOfOffice(office: string): Contest | undefined {
  return contestByOffice.get(officeKey(office));
}

/** Why a parsed title does not fit the race it was asked for, or null when it fits. */
export function titleMisfit(title: ParsedTitle, parts: RaceIdParts): string | null {
  const contest = contestOfOffice(title.office);
  if (contest && contest.code !== parts.contest.code) {
    return `the title names ${contest.label}, not ${parts.contest.label}`;
  }
  if (title.district !== null && title.district !== parts.district) {
    return `the title names district ${title.district}, not ${parts.district}`;
  }
  if (title.county !== null && title.county !== parts.county?.name) {
    return `the title names ${title.county} County, not ${parts.county ? parts.county.name : 'the total'}`;
  }
  if (parts.county && title.scope !== null && title.scope !== 'county') {
    return `the title is the ${title.scope} total, not ${parts.county.name} County`;
  }
  return null;
}

/** The scope a race id stands for: a county part, a district's total or the state's. */
export function scopeOfRace(parts: RaceIdParts): RaceScope {
  if (parts.county) return 'county';
  return parts.contest.kind === 'district' ? 'districtwide' : 'statewide';
}
