// Whether a processing location lies inside the EEA or the UK, where personal data moves without a
// transfer mechanism. Locations in the profile are free text ("Germany", "eu-central-1 (Frankfurt)",
// "US"), so this recognises country names, ISO codes and the regional words people use, and says
// "unclear" for anything else: an unclear location is treated like one outside, because a list
// that left out a transfer safeguard would be wrong in the way that matters.

export type LocationZone = 'eea_uk' | 'outside' | 'unclear';

/** EEA members (EU 27 + Iceland, Liechtenstein, Norway) and the UK: names and ISO 3166 alpha-2 codes. */
const EEA_UK: ReadonlyArray<readonly [string, ...string[]]> = [
  ['AT', 'Austria'], ['BE', 'Belgium'], ['BG', 'Bulgaria'], ['HR', 'Croatia'], ['CY', 'Cyprus'],
  ['CZ', 'Czechia', 'Czech Republic'], ['DK', 'Denmark'], ['EE', 'Estonia'], ['FI', 'Finland'],
  ['FR', 'France'], ['DE', 'Germany', 'Deutschland'], ['GR', 'Greece'], ['HU', 'Hungary'], ['IE', 'Ireland'],
  ['IT', 'Italy'], ['LV', 'Latvia'], ['LT', 'Lithuania'], ['LU', 'Luxembourg'], ['MT', 'Malta'],
  ['NL', 'Netherlands', 'The Netherlands', 'Holland'], ['PL', 'Poland'], ['PT', 'Portugal'], ['RO', 'Romania'],
  ['SK', 'Slovakia'], ['SI', 'Slovenia'], ['ES', 'Spain'], ['SE', 'Sweden'],
  ['IS', 'Iceland'], ['LI', 'Liechtenstein'], ['NO', 'Norway'],
  ['GB', 'UK', 'United Kingdom', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  ['EU', 'European Union', 'EEA', 'European Economic Area'],
];

/** Cities of the cloud regions people write instead of a country. */
const EEA_UK_CITIES = [
  'Frankfurt', 'Berlin', 'Munich', 'Paris', 'Amsterdam', 'Dublin', 'Stockholm', 'Milan', 'Madrid',
  'Warsaw', 'Helsinki', 'Vienna', 'Brussels', 'Copenhagen', 'Oslo', 'London', 'Manchester',
];

/** A few places often named that are certainly outside the EEA and the UK. */
const OUTSIDE = [
  'US', 'USA', 'United States', 'America', 'Canada', 'Australia', 'India', 'Japan', 'China', 'Singapore',
  'Brazil', 'Switzerland', 'Israel', 'South Korea', 'Korea', 'Hong Kong', 'South Africa', 'Mexico',
  'New Zealand', 'Indonesia', 'Taiwan', 'UAE', 'United Arab Emirates', 'Saudi Arabia', 'Russia', 'Turkey',
  'Virginia', 'Oregon', 'Ohio', 'California', 'Iowa', 'Texas', 'Tokyo', 'Sydney', 'Mumbai', 'São Paulo',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: readonly string[], caseSensitive: boolean) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])(${list.map(escape).join('|')})(?=$|[^\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu');

// Two-letter codes only in capitals ("DE", not the word "de"); names in any case.
const EEA_CODES = words(EEA_UK.map(([code]) => code), true);
const EEA_NAMES = words([...EEA_UK.flatMap(([, ...names]) => names), ...EEA_UK_CITIES], false);
const OUTSIDE_CODES = words(OUTSIDE.filter((w) => /^[A-Z]{2,3}$/.test(w)), true);
const OUTSIDE_NAMES = words(OUTSIDE.filter((w) => !/^[A-Z]{2,3}$/.test(w)), false);
/** Cloud region ids: eu-*, europe-*, uk-*; us-*, ap-*, sa-*, ca-*, me-*, af-*. */
const EEA_REGION_ID = /(^|[^a-z])(eu|europe|uk)-[a-z]+-?\d/i;
const OUTSIDE_REGION_ID = /(^|[^a-z])(us|ap|asia|sa|ca|me|af|australia|northamerica|southamerica)-[a-z]+-?\d/i;

export function locationZone(location: string): LocationZone {
  const text = location.trim();
  if (!text) return 'unclear';
  const inside = EEA_CODES.test(text) || EEA_NAMES.test(text) || EEA_REGION_ID.test(text);
  const outside = OUTSIDE_CODES.test(text) || OUTSIDE_NAMES.test(text) || OUTSIDE_REGION_ID.test(text);
  if (inside && !outside) return 'eea_uk';
  if (outside && !inside) return 'outside';
  return 'unclear';
}

/** The locations that need a transfer mechanism: outside the EEA and the UK, or not recognisably inside. */
export function locationsNeedingTransferMechanism(locations: readonly string[]): string[] {
  return locations.filter((l) => locationZone(l) !== 'eea_uk');
}
