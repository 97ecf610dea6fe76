/**
 * The contests the SOS API knows, keyed by the two-digit code that opens every race id.
 * `slug` is the office's segment in API paths (`/returns/<slug>`); `label` is how titles
 * name it ("Governor - Statewide Results").
 */

export type ContestKind = 'statewide' | 'district' | 'measure' | 'retention';

export interface Contest {
  readonly code: string;
  readonly slug: string;
  readonly label: string;
  readonly kind: ContestKind;
  /** For district contests: districts are numbered 1..districts. */
  readonly districts?: number;
}

export const CONTESTS: readonly Contest[] = [
  { code: '01', slug: 'president', label: 'President', kind: 'statewide' },
  { code: '02', slug: 'governor', label: 'Governor', kind: 'statewide' },
  { code: '03', slug: 'lieutenant-governor', label: 'Lieutenant Governor', kind: 'statewide' },
  { code: '04', slug: 'secretary-of-state', label: 'Secretary of State', kind: 'statewide' },
  { code: '05', slug: 'controller', label: 'Controller', kind: 'statewide' },
  { code: '06', slug: 'treasurer', label: 'Treasurer', kind: 'statewide' },
  { code: '07', slug: 'attorney-general', label: 'Attorney General', kind: 'statewide' },
  { code: '08', slug: 'insurance-commissioner', label: 'Insurance Commissioner', kind: 'statewide' },
  {
    code: '09',
    slug: 'board-of-equalization',
    label: 'Board of Equalization',
    kind: 'district',
    districts: 4,
  },
  { code: '10', slug: 'us-senate', label: 'United States Senator', kind: 'statewide' },
  {
    code: '11',
    slug: 'us-rep',
    label: 'U.S. House of Representatives',
    kind: 'district',
    districts: 52,
  },
  { code: '12', slug: 'state-senate', label: 'State Senate', kind: 'district', districts: 40 },
  { code: '13', slug: 'state-assembly', label: 'State Assembly', kind: 'district', districts: 80 },
  { code: '14', slug: 'supreme-court', label: 'Supreme Court', kind: 'retention' },
  { code: '15', slug: 'courts-of-appeal', label: 'Courts of Appeal', kind: 'retention' },
  {
    code: '16',
    slug: 'superintendent-of-public-instruction',
    label: 'Superintendent of Public Instruction',
    kind: 'statewide',
  },
  { code: '19', slug: 'ballot-measures', label: 'Ballot Measures', kind: 'measure' },
];

const byCode = new Map(CONTESTS.map((contest) => [contest.code, contest]));
const bySlug = new Map(CONTESTS.map((contest) => [contest.slug, contest]));

export function contestByCode(code: string): Contest | undefined {
  return byCode.get(code);
}

export function contestBySlug(slug: string): Contest | undefined {
  return bySlug.get(slug);
}

export const MEASURE_CONTEST_CODE = '19';
