/**
 * The word lists the synthetic articles are written from. Plain ASCII on purpose: every string
 * can be written into YAML as a JSON string and into Markdown without escaping, so a generated
 * article is always valid and the benchmark measures the build, not the validator's error path.
 */

/**
 * Splits a block of words into a list: on `separator` when given (for entries with spaces),
 * else on any white space. Lists are written as text blocks so they stay compact and readable.
 */
function list(block: string, separator?: string): string[] {
  const parts = separator === undefined ? block.split(/\s+/) : block.split(separator);
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}

/**
 * Common words, function words listed more than once so sentences have roughly the shape of
 * English news copy (short connecting words between longer content words).
 */
export const WORDS: readonly string[] = list(`
  the the the the of of of and and and to to to a a in in in that is was for for on on
  with as by at from said said said has have had will would could its their which after
  before over under since while amid into government minister ministry officials official
  talks agreement deal market markets shares investors prices inflation economy growth
  rates bank central policy plan plans budget tax trade exports imports tariffs supply
  demand company companies firm firms chief executive board report reports data survey
  quarter year years week month months day days people residents workers students police
  court judge case trial law laws rules parliament vote election party leader leaders
  president prime country countries city region border state states national international
  global local public private security defence military troops peace conflict crisis
  health hospital doctors patients vaccine virus climate weather storm flood heat energy
  oil gas power water housing transport rail airport airline flights port ships cars
  technology digital online platform data users chips software research scientists study
  university schools teachers children families community support funding million billion
  percent record highest lowest new first last next major key senior former early late
  strong weak higher lower further recent expected announced agreed rejected approved
  launched warned urged called added noted expects expected plans aims seeks faces remains
  continues increased decreased rose fell climbed slipped reached signed met visited
  discussed reviewed confirmed denied declined pledged promised proposed introduced
  delayed cancelled resumed measures steps changes reforms efforts concerns questions
  risks impact pressure demand response decision statement meeting summit forum conference
  committee agency authority authorities department services industry sector businesses
  consumers households jobs wages costs spending revenue profit losses debt loans bonds
`);

/** Capitalised names that appear in headlines and body copy, as real news is full of them. */
export const PROPER_NOUNS: readonly string[] = list(`
  Singapore Malaysia Indonesia Thailand Vietnam Philippines Japan China India Australia
  Korea Taiwan Beijing Tokyo Jakarta Manila Washington London Brussels Geneva Asean Opec
  Nasdaq Parliament
`);

/** The topic pool tags are drawn from: about sixty, as a real site has. */
export const TAGS: readonly string[] = list(
  `
  North Korea|South Korea|China|Japan|India|Indonesia|Malaysia|Thailand|Vietnam|
  Philippines|Myanmar|Australia|United States|Europe|Middle East|Ukraine|Russia|Taiwan|
  Hong Kong|Asean|Trade|Tariffs|Inflation|Interest rates|Stock markets|Oil prices|Property|
  Banking|Start-ups|Artificial intelligence|Semiconductors|Cyber security|Social media|
  Climate change|Haze|Floods|Energy|Public transport|Aviation|Shipping|Healthcare|Covid-19|
  Education|Housing|Jobs|Budget|Elections|Diplomacy|Defence|Courts|Crime|Football|Tennis|
  Formula One|Olympics|Arts|Food|Travel|Science|Space
`,
  "|",
);

/** Places for datelines, written as wire copy writes them. */
export const DATELINES: readonly string[] = list(
  `
  SINGAPORE|KUALA LUMPUR|JAKARTA|BANGKOK|HANOI|MANILA|TOKYO|SEOUL|BEIJING|HONG KONG|
  NEW DELHI|SYDNEY|WASHINGTON|NEW YORK|LONDON|BRUSSELS|WASHINGTON/SEOUL|BEIJING/TAIPEI
`,
  "|",
);

/** Wire agencies for `sources`. */
export const AGENCIES: readonly string[] = list(`
  Reuters AFP Bloomberg AP Xinhua
`);

/** Given names and family names, combined into bylines and quoted speakers. */
export const GIVEN_NAMES: readonly string[] = list(
  `
  Tan|Aisha|Rahul|Mei Ling|David|Siti|Kenji|Priya|Marcus|Nurul|Wei Jie|Hannah|Arjun|Clara|
  Farid|Joanne
`,
  "|",
);

/** Family names for bylines and quoted speakers. */
export const FAMILY_NAMES: readonly string[] = list(`
  Lim Tan Ng Wong Lee Kumar Rahman Goh Chua Sato Nguyen Santos Smith Ibrahim Koh Teo
`);

/** Who the quoted speakers are. */
export const ROLES: readonly string[] = list(
  `
  an economist at a regional bank|a spokesman for the ministry|a senior official|
  a professor of political science|the company's chief executive|a resident|
  an analyst at a research house|the union's secretary-general
`,
  "|",
);
