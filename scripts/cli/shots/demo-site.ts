/**
 * The demonstration site `npm run shots` and `npm run audit -- --demo` build: the repository's
 * site settings, standing pages and seed, and a newsroom's day of stories written here covering
 * every kind of page and body media (photos landscape and portrait, a gallery, a pull quote,
 * embeds of every provider, opinion and analysis with bylines, an explainer, a review, a
 * sponsored piece, a live blog of 100 updates with key events and a pinned update, fronts with a
 * banner, author profiles with photos). Its photos are cut from the seed's stand-in photographs,
 * so it needs no files beyond the repository's. Everything is deterministic: the same site every
 * run, dated against {@link DEMO_NOW}.
 */
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import sharp from "sharp";

/** The demonstration's now (its builds' BROADSHEET_NOW): a Monday at noon in Singapore. */
export const DEMO_NOW = "2026-12-07T12:00:00+08:00";

const SEED_SLUG = "north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says";

/** The demonstration's pages, by what they show. */
export const DEMO_PAGES = {
  front: "/",
  section: "/asia/",
  article: `/asia/${SEED_SLUG}/`,
  gallery: "/asia/floods-force-thousands-from-their-homes-in-jakarta/",
  embeds: "/world/what-the-world-saw-of-the-eruption/",
  live: "/asia/strong-earthquake-strikes-southern-philippines-live/",
  author: "/authors/tan-hui-yee/",
  search: "/search/",
  notFound: "/no-such-section/no-such-story/",
  standing: "/about/",
} as const;

/** `hours` before the demonstration's now, as front matter writes a date. */
function ago(hours: number): string {
  return (
    DateTime.fromISO(DEMO_NOW, { setZone: true })
      .minus({ minutes: Math.round(hours * 60) })
      .toISO({ suppressMilliseconds: true }) ?? ""
  );
}

interface Story {
  readonly slug: string;
  readonly fields: Record<string, string>;
  readonly body: string;
  /** Photos beside index.md: file name and how to cut it from the stand-ins. */
  readonly photos?: readonly Photo[];
  readonly updates?: readonly { name: string; source: string }[];
}

interface Photo {
  readonly name: string;
  /** The stand-in it is cut from. */
  readonly from: "desk" | "podium";
  /** The region, as fractions of the stand-in: left, top, width, height. */
  readonly region: readonly [number, number, number, number];
  /** A turn of hue, so the demonstration's photos are not all one colour. */
  readonly hue?: number;
}

const yaml = (text: string) => JSON.stringify(text);

const LANDSCAPE = (name: string, from: Photo["from"], hue = 0): Photo => ({
  name,
  from,
  region: [0, 0, 1, 1],
  hue,
});
const PORTRAIT = (name: string, from: Photo["from"], left: number, hue = 0): Photo => ({
  name,
  from,
  region: [left, 0, 0.42, 1],
  hue,
});

function image(src: string, alt: string, caption?: string, credit?: string): string {
  return (
    `\n  src: ${src}\n  alt: ${yaml(alt)}` +
    (caption ? `\n  caption: ${yaml(caption)}` : "") +
    (credit ? `\n  credit: ${credit}` : "")
  );
}

const FLOODS_BODY = `Floods forced thousands of people from their homes in Jakarta on Monday after a night of torrential rain, officials said.

The Ciliwung river burst its banks before dawn, sending brown water through Kampung Melayu and the low-lying districts of East Jakarta. Rescue workers in rubber boats carried the elderly and children to shelters set up in mosques and schools.

![A rescue worker wades through water up to his chest, holding a child above his head](rescue.jpg "A rescue worker carries a child to safety in Kampung Melayu on Monday. PHOTO: REUTERS")

"The water came faster than anyone had planned for," said a spokesman for the city's disaster agency, who said more than 12,000 people had left their homes by noon.

::: gallery
![Sandbags stacked along a river bank at dusk](sandbags.jpg "Sandbags along the Ciliwung river on Sunday night. PHOTO: AFP")
![A woman stands in a doorway, the water at her knees](doorway.jpg "A resident of Kampung Melayu waits for a boat. PHOTO: AFP")
![Two boats tied to a lamp post on a flooded road](boats.jpg "Boats replaced cars on Monday.")
![A man carries a gas cylinder on his shoulder through the flood](cylinder.jpg "Residents saved what they could carry. PHOTO: REUTERS")
:::

::: pullquote Governor of Jakarta
We will not stop until every family is dry and safe.
:::

The national weather agency said more rain was expected until Thursday, and warned residents along the river to move their belongings upstairs.

![A flooded street between houses, seen from above](street.jpg "Kampung Melayu from the air. PHOTO: AFP")

The water is expected to recede by the weekend.
`;

const EMBEDS_BODY = `The eruption was seen and filmed across the region: here is what people shared.

https://www.youtube.com/watch?v=dQw4w9WgXcQ
Caption: The ash column over the volcano at dawn, filmed from the ferry terminal.

Residents posted what they saw from their windows.

https://x.com/jakartapost/status/1234567890123456789
Caption: The Jakarta Post's first report.

https://www.instagram.com/p/C3xYzAbCdEf/
Caption: Ash on the cars of a village ten kilometres away.

https://www.tiktok.com/@bbcnews/video/7300000000000000000

https://vimeo.com/76979871

Our podcast looked at how the region prepares for eruptions.

https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk
Caption: The Briefing, Monday's episode.

Flights from the region's airports were cancelled until further notice.
`;

function liveUpdates(count: number): { name: string; source: string }[] {
  const updates: { name: string; source: string }[] = [];
  const start = DateTime.fromISO(ago(30), { setZone: true });
  const places = ["Davao", "General Santos", "Cotabato", "Digos", "Koronadal", "Surigao"];
  for (let n = 1; n <= count; n++) {
    const time = start.plus({ minutes: n * 17 }).toISO({ suppressMilliseconds: true });
    const place = places[n % places.length];
    const key = n % 12 === 0 || n === count;
    const lines = [`time: ${time}`];
    if (n % 4 === 0 || key) lines.push(`title: ${yaml(`Rescuers reach ${place}`)}`);
    if (key) lines.push("key: true");
    if (n === count - 3) lines.push("pinned: true");
    if (n % 5 === 0) lines.push("authors: [tan-hui-yee]");
    let body = `Update ${n}: rescue teams reached another village near ${place}, where residents had spent the night outside for fear of aftershocks. Officials said roads to the coast were open again.`;
    if (n === count - 1)
      body += `\n\n![Rescuers carry a stretcher through rubble](rescue.jpg "Rescuers in ${place} on Wednesday. PHOTO: REUTERS")`;
    if (n === count - 2) body += "\n\nhttps://x.com/phivolcs_dost/status/1234567890123456780";
    updates.push({
      name: `update-${String(n).padStart(3, "0")}`,
      source: `---\n${lines.join("\n")}\n---\n\n${body}\n`,
    });
  }
  return updates;
}

const PARAGRAPHS = (topic: string) =>
  `${topic}\n\nOfficials said the decision followed weeks of talks, and that more details would be given later in the week. Analysts said the move had been widely expected.\n\n"It is a step in the right direction, but the hard part is still ahead," one said.\n\nThe announcement came as markets across the region opened higher on Monday.`;

function stories(): Story[] {
  return [
    {
      slug: "floods-force-thousands-from-their-homes-in-jakarta",
      fields: {
        title: yaml(
          "Floods force thousands from their homes in Jakarta as the Ciliwung bursts its banks",
        ),
        description: yaml(
          "More than 12,000 people left their homes overnight; more rain is expected until Thursday.",
        ),
        date: ago(1.5),
        section: "asia",
        tags: "[Indonesia, Floods]",
        dateline: "JAKARTA",
        sources: "[Reuters, AFP]",
        image: image(
          "lead.jpg",
          "Residents wade through a flooded street in the lamplight",
          "Residents of East Jakarta leave their homes on Monday.",
          "AFP",
        ),
      },
      body: FLOODS_BODY,
      photos: [
        LANDSCAPE("lead.jpg", "desk", 160),
        LANDSCAPE("rescue.jpg", "podium", 20),
        LANDSCAPE("sandbags.jpg", "desk", 60),
        PORTRAIT("doorway.jpg", "desk", 0.5, 180),
        LANDSCAPE("boats.jpg", "podium", 200),
        PORTRAIT("cylinder.jpg", "podium", 0.3, 90),
        PORTRAIT("street.jpg", "desk", 0.1, 140),
      ],
    },
    {
      slug: "what-the-world-saw-of-the-eruption",
      fields: {
        title: yaml("What the world saw of the eruption: videos, posts and a podcast"),
        date: ago(3),
        section: "world",
        tags: "[Volcanoes]",
      },
      body: EMBEDS_BODY,
    },
    {
      slug: "strong-earthquake-strikes-southern-philippines-live",
      fields: {
        title: yaml("Strong earthquake strikes southern Philippines: live updates"),
        description: yaml("Follow the latest on the magnitude 6.4 earthquake off Mindanao."),
        date: ago(30),
        section: "asia",
        tags: "[Philippines, Earthquakes]",
        kind: "live",
        image: image(
          "lead.jpg",
          "An empty briefing podium before a blue curtain",
          "Officials briefed reporters in Davao on Wednesday.",
          "REUTERS",
        ),
      },
      body: "A magnitude 6.4 earthquake struck off Mindanao on Wednesday morning. Here is what we know so far.",
      photos: [LANDSCAPE("lead.jpg", "podium"), LANDSCAPE("rescue.jpg", "desk", 30)],
      updates: liveUpdates(100),
    },
    {
      slug: "the-rate-hold-was-the-wrong-call",
      fields: {
        title: yaml("The rate hold was the wrong call, and households will pay for it"),
        description: yaml(
          "Keeping rates where they are protects lenders. It does little for families facing higher rents.",
        ),
        date: ago(5),
        section: "opinion",
        kind: "opinion",
        authors: "[tan-hui-yee]",
        image: image("photo.jpg", "A desk with an open letter in the lamplight"),
      },
      body: PARAGRAPHS("The central bank's decision to hold rates on Monday was the easy choice."),
      photos: [LANDSCAPE("photo.jpg", "desk", 300)],
    },
    {
      slug: "what-the-rate-hold-means-for-your-mortgage",
      fields: {
        title: yaml("What the rate hold means for your mortgage"),
        date: ago(7),
        section: "business",
        kind: "analysis",
        authors: "[jane-tan, Arif Rahman]",
        image: image("photo.jpg", "An empty podium before a blue curtain"),
      },
      body: PARAGRAPHS("Homeowners with floating-rate loans will see no change this month."),
      photos: [LANDSCAPE("photo.jpg", "podium", 120)],
    },
    {
      slug: "why-the-90s-are-back-in-singapores-clubs",
      fields: {
        title: yaml(`Why the '90s are back: "rock 'n' roll" returns to Singapore's clubs`),
        description: yaml(
          `A new generation dances to its parents' records. "It's not nostalgia," says one DJ.`,
        ),
        date: ago(9),
        section: "singapore",
        kind: "review",
        authors: "[Arif Rahman]",
        image: image("photo.jpg", "A dim club lit in warm colours"),
      },
      body: PARAGRAPHS("The queue outside the club on Saturday night stretched around the block."),
      photos: [LANDSCAPE("photo.jpg", "desk", 30)],
    },
    {
      slug: "why-earthquakes-strike-the-philippines",
      fields: {
        title: yaml("Why earthquakes strike the Philippines so often"),
        date: ago(11),
        section: "world",
        kind: "explainer",
        tags: "[Philippines, Earthquakes]",
      },
      body: PARAGRAPHS("The Philippines sits on the Pacific Ring of Fire, where plates meet."),
    },
    {
      slug: "open-a-savings-account-today",
      fields: {
        title: yaml("Open a savings account today and earn more"),
        date: ago(12),
        section: "business",
        kind: "sponsored",
      },
      body: "This content was paid for by an advertiser.",
    },
    {
      slug: "markets-rally-on-hopes-of-lower-rates-next-year",
      fields: {
        title: yaml("Markets rally on hopes of lower rates next year"),
        date: ago(2.5),
        section: "business",
        tags: "[Markets]",
        image: image("photo.jpg", "A trading floor seen through glass"),
      },
      body: PARAGRAPHS(
        "Stocks across Asia rose on Monday as investors bet that central banks would cut rates early next year, with Tokyo, Seoul and Sydney all gaining more than one per cent by midday; the rally was led by technology shares and banks, which had fallen for most of the past month.",
      ),
      photos: [LANDSCAPE("photo.jpg", "podium", 240)],
    },
    {
      slug: "new-mrt-line-opens-to-passengers",
      fields: {
        title: yaml("New MRT line opens to passengers"),
        date: ago(4),
        section: "singapore",
        tags: "[Transport]",
        image: image("photo.jpg", "A station platform in the early morning"),
      },
      body: PARAGRAPHS("The first trains on the new line left at 5.30am on Monday."),
      photos: [PORTRAIT("photo.jpg", "desk", 0.3, 200)],
    },
    {
      slug: "chip-makers-race-to-build-plants-in-johor",
      fields: {
        title: yaml("Chip makers race to build plants in Johor"),
        date: ago(20),
        section: "tech",
        image: image("photo.jpg", "A clean room seen through a window"),
      },
      body: PARAGRAPHS("Three chip makers announced plants in Johor this year."),
      photos: [LANDSCAPE("photo.jpg", "desk", 260)],
    },
    {
      slug: "lions-draw-with-thailand-in-world-cup-qualifier",
      fields: {
        title: yaml("Lions draw with Thailand in World Cup qualifier"),
        date: ago(26),
        section: "sport",
        image: image("photo.jpg", "Players in the rain"),
      },
      body: PARAGRAPHS("Singapore drew 1-1 with Thailand at the National Stadium on Sunday."),
      photos: [LANDSCAPE("photo.jpg", "podium", 100)],
    },
    {
      slug: "asean-ministers-agree-on-a-haze-plan-after-talks-that-ran-late-into-the-night-in-kuala-lumpur",
      fields: {
        title: yaml(
          "Asean ministers agree on a plan to fight the haze after talks that ran late into the night in Kuala Lumpur",
        ),
        date: ago(6),
        section: "asia",
        tags: "[Haze, Asean]",
      },
      body: PARAGRAPHS("Ministers agreed on Sunday night to share satellite data on hot spots."),
    },
    {
      slug: "pompeo-says-door-open-to-talks",
      fields: {
        title: yaml("Pompeo says the door is open to new talks with North Korea"),
        date: ago(50),
        section: "asia",
        tags: "[North Korea]",
        video:
          '\n  provider: brightcove\n  id: "1234567890002"\n  title: Pompeo on the door to talks\n  description: US Secretary of State Mike Pompeo spoke to reporters on Sunday.\n  thumbnail: thumbnail.jpg\n  duration: PT2M05S',
      },
      body: PARAGRAPHS("The United States remains ready to talk, Mr Pompeo said on Sunday."),
      photos: [LANDSCAPE("thumbnail.jpg", "podium", 0)],
    },
    {
      slug: "tan-sri-lim-a-life-in-print",
      fields: {
        title: yaml("Tan Sri Lim, who built a newspaper from one press, dies at 91"),
        date: ago(75),
        section: "singapore",
        kind: "obituary",
      },
      body: PARAGRAPHS("He bought his first press in 1958 with money borrowed from his brothers."),
    },
  ];
}

const HOME_FRONT = `breaking:
  text: Magnitude 6.4 earthquake strikes southern Philippines; tsunami warning lifted
  link: strong-earthquake-strikes-southern-philippines-live
  until: 2027-01-01T00:00:00+08:00
containers:
  - title: Top stories
    layout: lead
    stories: [floods-force-thousands-from-their-homes-in-jakarta, strong-earthquake-strikes-southern-philippines-live]
    fill: {}
    size: 5
  - title: Opinion and analysis
    layout: grid
    stories: [the-rate-hold-was-the-wrong-call, what-the-rate-hold-means-for-your-mortgage, why-the-90s-are-back-in-singapores-clubs]
  - title: Latest
    layout: list
    fill: {}
`;

const ASIA_FRONT = `containers:
  - layout: lead
    fill: {section: asia}
    size: 4
  - title: North Korea
    layout: list
    fill: {topic: North Korea}
`;

const AUTHORS: Record<string, string> = {
  "tan-hui-yee":
    "name: Tan Hui Yee\nrole: Indonesia Bureau Chief\nbio: Tan Hui Yee has reported from Jakarta since 2016, covering politics, disasters and the region's economies.\nphoto: tan-hui-yee.jpg\nlinks: [https://x.com/example]\n",
  "jane-tan": "name: Jane Tan\nrole: Senior Economics Correspondent\nphoto: jane-tan.jpg\n",
};

/** Cuts a photo from a stand-in. */
async function cut(folder: string, photo: Photo, standIns: Record<Photo["from"], Buffer>) {
  const source = sharp(standIns[photo.from]);
  const { width = 1, height = 1 } = await source.metadata();
  const [left, top, w, h] = photo.region;
  const region = {
    left: Math.round(left * width),
    top: Math.round(top * height),
    width: Math.round(w * width),
    height: Math.round(h * height),
  };
  const bytes = await sharp(standIns[photo.from])
    .extract(region)
    .modulate({ hue: photo.hue ?? 0 })
    .jpeg({ quality: 85 })
    .toBuffer();
  writeFileSync(path.join(folder, photo.name), bytes);
}

/** Writes the demonstration project into `root` (an empty folder); `repo` is Broadsheet's. */
export async function writeDemoSite(root: string, repo: string): Promise<void> {
  for (const folder of ["content/_data", "content/pages", "assets"]) {
    cpSync(path.join(repo, folder), path.join(root, folder), { recursive: true });
  }
  const seedFolder = path.join(repo, "content/articles", SEED_SLUG);
  cpSync(seedFolder, path.join(root, "content/articles", SEED_SLUG), { recursive: true });
  const standIns = {
    desk: await sharp(path.join(seedFolder, "photo.jpg")).toBuffer(),
    podium: await sharp(path.join(seedFolder, "video-thumbnail.jpg")).toBuffer(),
  };
  for (const story of stories()) {
    const folder = path.join(root, "content/articles", story.slug);
    mkdirSync(folder, { recursive: true });
    const lines = Object.entries(story.fields).map(([key, value]) => `${key}: ${value}`);
    writeFileSync(
      path.join(folder, "index.md"),
      `---\n${lines.join("\n")}\n---\n\n${story.body}\n`,
    );
    for (const photo of story.photos ?? []) await cut(folder, photo, standIns);
    if (story.updates) {
      mkdirSync(path.join(folder, "live"), { recursive: true });
      for (const update of story.updates)
        writeFileSync(path.join(folder, "live", `${update.name}.md`), update.source);
    }
  }
  const fronts = path.join(root, "content/fronts");
  mkdirSync(fronts, { recursive: true });
  writeFileSync(path.join(fronts, "home.yaml"), HOME_FRONT);
  writeFileSync(path.join(fronts, "asia.yaml"), ASIA_FRONT);
  const authors = path.join(root, "content/authors");
  mkdirSync(authors, { recursive: true });
  for (const [slug, profile] of Object.entries(AUTHORS)) {
    writeFileSync(path.join(authors, `${slug}.yaml`), profile);
    if (profile.includes("photo:"))
      await cut(
        authors,
        { name: `${slug}.jpg`, from: "desk", region: [0.35, 0.1, 0.3, 0.45] },
        standIns,
      );
  }
}
