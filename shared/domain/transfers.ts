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

/** A few countries often named that are certainly outside the EEA and the UK. */
const OUTSIDE_COUNTRIES = [
  'Serbia', 'Ukraine', 'Philippines', 'Jersey', 'Guernsey', 'Isle of Man', 'Faroe Islands', 'Greenland',
  'US', 'USA', 'United States', 'Canada', 'Australia', 'India', 'Japan', 'China', 'Singapore',
  'Brazil', 'Switzerland', 'Israel', 'South Korea', 'Korea', 'Hong Kong', 'South Africa', 'Mexico',
  'New Zealand', 'Indonesia', 'Taiwan', 'UAE', 'United Arab Emirates', 'Saudi Arabia', 'Russia', 'Turkey',
];

/** Cities, states and the like outside the EEA and the UK: places, but not countries. */
const OUTSIDE_PLACES = [
  'Zurich', 'Geneva', 'Manila', 'Bangalore', 'Bengaluru', 'Montreal', 'Toronto', 'Seoul', 'Osaka', 'Jakarta', 'Dubai',
  'America', 'Virginia', 'Oregon', 'Ohio', 'California', 'Iowa', 'Texas', 'Tokyo', 'Sydney', 'Mumbai', 'São Paulo',
];

/** A few places often named that are certainly outside the EEA and the UK. */
const OUTSIDE = [...OUTSIDE_COUNTRIES, ...OUTSIDE_PLACES];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: readonly string[], caseSensitive: boolean) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])(${list.map(escape).join('|')})(?=$|[^\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu');

// Two-letter codes only in capitals ("DE", not the word "de"); names in any case.
const EEA_CODES = words(EEA_UK.map(([code]) => code), true);
const EEA_NAMES = words([...EEA_UK.flatMap(([, ...names]) => names), ...EEA_UK_CITIES], false);
const OUTSIDE_CODES = words(OUTSIDE.filter((w) => /^[A-Z]{2,3}$/.test(w)), true);
const OUTSIDE_NAMES = words(OUTSIDE.filter((w) => !/^[A-Z]{2,3}$/.test(w)), false);
/**
 * Cloud region ids: eu-*, europe-*, uk-*; us-*, ap-*, sa-*, ca-*, me-*, af-*. Zurich's regions
 * (AWS eu-central-2, GCP europe-west6, Oracle eu-zurich-1) carry an EU prefix but are in Switzerland.
 */
const SWISS_REGION_ID = /(^|[^a-z])(eu-central-2|europe-west6|eu-zurich-1|switzerland[a-z]*)($|[^a-z0-9])/i;
const EEA_REGION_ID = /(^|[^a-z])(eu|europe|uk)-[a-z]+-?\d/i;
const OUTSIDE_REGION_ID = /(^|[^a-z])(us|ap|asia|sa|ca|me|af|australia|northamerica|southamerica)-[a-z]+-?\d/i;

/** One place: inside, outside, or not recognised. */
function partZone(part: string): LocationZone {
  if (SWISS_REGION_ID.test(part)) return 'outside';
  const inside = EEA_CODES.test(part) || EEA_NAMES.test(part) || EEA_REGION_ID.test(part);
  const outside = OUTSIDE_CODES.test(part) || OUTSIDE_NAMES.test(part) || OUTSIDE_REGION_ID.test(part);
  if (inside && !outside) return 'eea_uk';
  if (outside && !inside) return 'outside';
  return 'unclear';
}

/** The places one recorded location names: "Germany, Serbia", "Ireland (support from Manila)", "US and EU". */
function locationParts(location: string): string[] {
  return location
    .split(/[,;/&+()]|\s(?:and|or|plus)\s/i)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * A location is inside only when every place it names is: "Germany, Serbia" or "Ireland (support
 * from Manila)" is outside, and a part nobody recognises makes it unclear ("Germany and elsewhere").
 * Parentheses name a detail of the place before them ("EU (Frankfurt)"), so they are read as a part too.
 */
export function locationZone(location: string): LocationZone {
  const parts = locationParts(location);
  if (parts.length === 0) return 'unclear';
  const zones = parts.map(partZone);
  if (zones.includes('outside')) return 'outside';
  if (zones.every((z) => z === 'eea_uk')) return 'eea_uk';
  return 'unclear';
}

/** The locations that need a transfer mechanism: outside the EEA and the UK, or not recognisably inside. */
export function locationsNeedingTransferMechanism(locations: readonly string[]): string[] {
  return locations.filter((l) => locationZone(l) !== 'eea_uk');
}

// ─────────────────────────────────────────────────────────── countries named
//
// A privacy statement names the countries data is processed in. A location the profile records as
// a region ("EU", "global"), a cloud region id ("us-east-1") or a city alone is a place, but the
// reader cannot tell the country from it. Only what is recognisably not a country is flagged: text
// this file does not know (a country missing from the lists above) is left alone rather than guessed.

/** Areas of several countries (or none in particular). */
const REGION_WORDS = words(
  [
    'EU', 'European Union', 'EEA', 'European Economic Area', 'Europe', 'Global', 'Worldwide', 'World', 'Multi-region',
    'Multiregion', 'Asia', 'APAC', 'Asia Pacific', 'EMEA', 'Americas', 'North America', 'South America', 'LATAM',
    'Middle East', 'Africa', 'Nordics', 'Scandinavia', 'Anywhere', 'Various', 'Multiple',
  ],
  false,
);
const COUNTRY_CODES = words([...EEA_UK.filter(([code]) => code !== 'EU').map(([code]) => code), ...OUTSIDE_COUNTRIES.filter((w) => /^[A-Z]{2,3}$/.test(w))], true);
const COUNTRY_NAMES = words(
  [...EEA_UK.filter(([code]) => code !== 'EU').flatMap(([, ...names]) => names), ...OUTSIDE_COUNTRIES.filter((w) => !/^[A-Z]{2,3}$/.test(w))],
  false,
);
const PLACE_NAMES = words([...EEA_UK_CITIES, ...OUTSIDE_PLACES], false);
const isRegionId = (part: string) => SWISS_REGION_ID.test(part) || EEA_REGION_ID.test(part) || OUTSIDE_REGION_ID.test(part);

type PartKind = 'country' | 'region' | 'place' | 'unknown';

function partKind(part: string): PartKind {
  if (COUNTRY_CODES.test(part) || COUNTRY_NAMES.test(part)) return 'country';
  // Before the region words: "europe-west4" is a region id (one data centre), not "Europe".
  if (isRegionId(part)) return 'place';
  if (REGION_WORDS.test(part)) return 'region';
  if (PLACE_NAMES.test(part)) return 'place';
  return 'unknown';
}

/**
 * The parts of a recorded location that name no country, where it should: every area of several
 * countries ("EU" in "US and EU"), and the cities and region ids of a location that names no
 * country at all ("us-east-1", "EU (Frankfurt)"; but not "Germany (Frankfurt)"). Empty: fine.
 */
export function partsNamingNoCountry(location: string): string[] {
  const parts = locationParts(location);
  const kinds = parts.map(partKind);
  const regions = parts.filter((_, i) => kinds[i] === 'region');
  if (regions.length > 0) return regions;
  if (kinds.includes('country')) return [];
  return parts.filter((_, i) => kinds[i] === 'place');
}
