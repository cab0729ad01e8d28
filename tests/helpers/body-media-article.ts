/**
 * The story with every kind of body media that the build, incremental and browser tests share:
 * a lead photo, two body photos (a JPEG with caption and credit, a PNG with neither), a gallery
 * of three (JPEG and WebP, one without a credit), a pull quote, YouTube (with a caption), X and
 * Spotify embeds and a URL from another site. Its photos are made on the spot, the same pixels every run (so
 * the shared media cache encodes each once per machine).
 */
import sharp from "sharp";
import { syntheticPhoto } from "../../scripts/media/synthetic.ts";
import { articleSource, type FixtureSite } from "./fixture-site.ts";

export const MEDIA_SLUG = "floods-force-thousands-from-their-homes";
export const MEDIA_PATH = `/asia/${MEDIA_SLUG}/`;

/** The providers the story embeds, and their players' origins. */
export const EMBED_ORIGINS = [
  "https://www.youtube-nocookie.com",
  "https://platform.twitter.com",
  "https://open.spotify.com",
] as const;

export const MEDIA_BODY = `Floods forced thousands of people from their homes in Jakarta on Monday.

![Rescue workers carry a resident through waist-deep water](rescue.jpg "Rescue workers in East Jakarta on Monday. PHOTO: REUTERS")

The Ciliwung river burst its banks overnight, officials said.

![A map of the districts under water in East Jakarta, drawn upright](map.png)

::: gallery
![Sandbags stacked along a river bank](sandbags.jpg "Sandbags along the Ciliwung river. PHOTO: AFP")
![A street under brown water between houses](street.webp "Kampung Melayu on Monday. PHOTO: AFP")
![Two boats tied to a lamp post on a flooded road](boats.jpg "Boats replaced cars on Monday.")
:::

::: pullquote A spokesman for Jakarta's disaster agency
The water came faster than anyone had planned for.
:::

https://www.youtube.com/watch?v=dQw4w9WgXcQ
Caption: Residents describe the night the *Ciliwung* rose.

https://x.com/jakartapost/status/1234567890123456789

https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk

https://www.bmkg.go.id/cuaca/prakiraan-cuaca.bmkg

The water is expected to recede by Thursday.
`;

/** The story's front matter: a lead photo and a dateline. */
export const MEDIA_FIELDS: Record<string, string> = {
  title: '"Floods force thousands from their homes in Jakarta"',
  date: "2019-06-25T08:00:00+08:00",
  section: "asia",
  tags: "[Floods]",
  dateline: "JAKARTA",
  sources: "[Reuters, AFP]",
  image: "\n  src: lead.jpg\n  alt: Residents wade through a flooded street.\n  credit: AFP",
};

/** The body photos: file name, format, size and seed. */
const PHOTOS = [
  { name: "lead.jpg", format: "jpeg", width: 1600, height: 1067, seed: 20 },
  { name: "rescue.jpg", format: "jpeg", width: 1200, height: 800, seed: 21 },
  { name: "map.png", format: "png", width: 720, height: 960, seed: 22 },
  { name: "sandbags.jpg", format: "jpeg", width: 1000, height: 750, seed: 23 },
  { name: "street.webp", format: "webp", width: 1000, height: 667, seed: 24 },
  { name: "boats.jpg", format: "jpeg", width: 800, height: 1067, seed: 25 },
] as const;

/** A body photo's bytes, in its format. */
export async function photoBytes(name: string): Promise<Buffer> {
  const photo = PHOTOS.find((candidate) => candidate.name === name);
  if (!photo) throw new Error(`no test photo ${name}`);
  const jpeg = await syntheticPhoto(photo);
  if (photo.format === "png") return sharp(jpeg).png().toBuffer();
  if (photo.format === "webp") return sharp(jpeg).webp({ quality: 90 }).toBuffer();
  return jpeg;
}

/** Writes the story and its photos into `site`; `body` replaces the body. */
export async function writeMediaArticle(site: FixtureSite, body = MEDIA_BODY): Promise<void> {
  site.article(MEDIA_SLUG, articleSource(MEDIA_FIELDS, body));
  for (const photo of PHOTOS) site.file(MEDIA_SLUG, photo.name, await photoBytes(photo.name));
}
