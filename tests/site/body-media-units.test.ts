/**
 * The pure parts of body media: each provider's player and original addresses, the per-page
 * policies of `_headers` and what happens past Cloudflare Pages' 100 rules, and a body as feeds
 * carry it.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { load } from "cheerio";
import type { BodyBlock, Embed } from "../../scripts/content/body/blocks.ts";
import type { ArticleCard } from "../../scripts/content/card.ts";
import { searchRecord } from "../../scripts/engine/search-index.ts";
import type { ImageFile, ProcessedImage } from "../../scripts/media/index.ts";
import {
  type EmbedPage,
  embedHeaderRules,
  embedPolicy,
  HEADER_RULE_LIMIT,
} from "../../scripts/site/embed-headers.ts";
import { EMBED_FRAME_ORIGINS, frameUrl, originalUrl } from "../../scripts/site/embeds.ts";
import { feedBodyHtml } from "../../scripts/site/feeds/body-html.tsx";
import {
  CONTENT_SECURITY_POLICY,
  cspViolations,
  headerRules,
  headersFile,
} from "../../scripts/site/headers.ts";

const SITE = {
  name: "The Broadsheet Times",
  origin: "https://news.example",
  pathPrefix: "/news/",
  language: "en-SG",
  timeZone: "Asia/Singapore",
  sections: [
    { slug: "asia", name: "Asia" },
    { slug: "world", name: "World" },
  ],
};

describe("players and originals", () => {
  const cases: [Embed, string, string][] = [
    [
      { provider: "youtube", kind: "video", id: "dQw4w9WgXcQ", start: 90 },
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90",
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s",
    ],
    [
      { provider: "vimeo", kind: "video", id: "76979871", hash: "8272103f6e" },
      "https://player.vimeo.com/video/76979871?autoplay=1&h=8272103f6e",
      "https://vimeo.com/76979871/8272103f6e",
    ],
    [
      { provider: "x", kind: "post", id: "1136935213432147968", account: "Reuters" },
      "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=1136935213432147968",
      "https://x.com/Reuters/status/1136935213432147968",
    ],
    [
      { provider: "instagram", kind: "reel", id: "C3xYz_AbC12" },
      "https://www.instagram.com/reel/C3xYz_AbC12/embed/",
      "https://www.instagram.com/reel/C3xYz_AbC12/",
    ],
    [
      { provider: "tiktok", kind: "video", id: "6718335390845095173", account: "scout2015" },
      "https://www.tiktok.com/embed/v2/6718335390845095173",
      "https://www.tiktok.com/@scout2015/video/6718335390845095173",
    ],
    [
      { provider: "spotify", kind: "episode", id: "4rOoJ6Egrf8K2IrywzwOMk" },
      "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk",
      "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk",
    ],
  ];
  for (const [embed, frame, original] of cases) {
    it(embed.provider, () => {
      assert.equal(frameUrl(embed), frame);
      assert.equal(originalUrl(embed), original);
      assert.equal(new URL(frame).origin, EMBED_FRAME_ORIGINS[embed.provider]);
    });
  }
});

describe("each page's own policy", () => {
  const page = (n: number, section = "asia", providers: EmbedPage["providers"] = ["youtube"]) => ({
    path: `/${section}/story-${n}/`,
    section,
    providers,
  });

  it("adds exactly the page's players to frame-src, and nothing unsafe", () => {
    const policy = embedPolicy(["spotify", "x"]);
    assert.deepEqual(policy["frame-src"], [
      ...CONTENT_SECURITY_POLICY["frame-src"],
      "https://platform.twitter.com",
      "https://open.spotify.com",
    ]);
    assert.deepEqual(policy["script-src"], CONTENT_SECURITY_POLICY["script-src"]);
    assert.doesNotMatch(JSON.stringify(policy), /'unsafe-inline'|'unsafe-eval'/);
    const facade = '<a data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ">x</a>';
    assert.deepEqual(cspViolations(facade, embedPolicy(["youtube"])), []);
    assert.equal(cspViolations(facade, policy).length, 1, "a player the policy does not name");
  });

  it("gives each page a rule after the site-wide one, detaching its policy", () => {
    const rules = headerRules(SITE, [page(1), page(2, "world", ["tiktok"])]);
    const file = headersFile(rules);
    const own = rules.findIndex((rule) => rule.path === "/news/asia/story-1/*");
    assert.ok(own > 0, file);
    assert.deepEqual(rules[own]?.detach, ["Content-Security-Policy"]);
    assert.match(
      rules[own]?.headers["Content-Security-Policy"] ?? "",
      /frame-src https:\/\/players\.brightcove\.net https:\/\/www\.youtube-nocookie\.com;/,
    );
    assert.match(
      file,
      /\/news\/world\/story-2\/\*\n {2}! Content-Security-Policy\n {2}Content-Security-Policy: .*https:\/\/www\.tiktok\.com;/,
    );
  });

  it("past Cloudflare's 100 rules, keeps the newest pages' own rules and gives older ones their section's", () => {
    const others = headerRules(SITE).length;
    const room = HEADER_RULE_LIMIT - others;
    const pages = [
      ...Array.from({ length: room }, (_, n) => page(n)),
      page(1000, "world", ["spotify"]),
      page(1001, "asia", ["vimeo"]),
    ];
    const rules = headerRules(SITE, pages);
    assert.equal(rules.length, HEADER_RULE_LIMIT);
    const asia = rules.find((rule) => rule.path === "/news/asia/*" && rule.detach);
    const world = rules.find((rule) => rule.path === "/news/world/*" && rule.detach);
    assert.match(asia?.headers["Content-Security-Policy"] ?? "", /youtube-nocookie.*vimeo/);
    assert.doesNotMatch(asia?.headers["Content-Security-Policy"] ?? "", /spotify/);
    assert.match(world?.headers["Content-Security-Policy"] ?? "", /open\.spotify\.com/);
    assert.ok(
      rules.some((rule) => rule.path === "/news/asia/story-0/*"),
      "the newest keep theirs",
    );
    assert.ok(!rules.some((rule) => rule.path === "/news/asia/story-1001/*"));
    assert.ok(asia && world);
    assert.ok(
      rules.indexOf(asia) < rules.findIndex((rule) => rule.path === "/news/asia/story-0/*"),
      "a section's rule comes before its pages' own, which win on Netlify",
    );
  });

  it("with more sections than room, one rule for the whole site allows every player used", () => {
    const rules = embedHeaderRules(SITE, [page(1), page(2, "world", ["x"])], HEADER_RULE_LIMIT);
    assert.equal(rules.length, 1);
    assert.equal(rules[0]?.path, "/news/*");
    assert.match(rules[0]?.headers["Content-Security-Policy"] ?? "", /youtube-nocookie.*twitter/);
  });
});

describe("a body as feeds carry it", () => {
  const jpeg = (width: number, name = String(width)): ImageFile => ({
    path: `media/rescue-${name}.jpg`,
    width,
    height: (width * 2) / 3,
    format: "jpeg",
    sha256: "",
  });
  const image: ProcessedImage = {
    width: 1600,
    height: 1067,
    variants: { avif: [], webp: [], jpeg: [jpeg(400), jpeg(800), jpeg(1600)] },
    crops: {
      "16x9": jpeg(1200, "16x9"),
      "4x3": jpeg(1200, "4x3"),
      "1x1": jpeg(1200, "1x1"),
      social: jpeg(1200, "social"),
    },
    placeholder: "data:image/webp;base64,",
  };
  const photo = {
    index: 0,
    src: "rescue.jpg",
    alt: "Rescue <workers>",
    caption: "In Jakarta.",
    credit: { label: "PHOTO", name: "AFP" },
    line: 9,
  } as const;
  const blocks: BodyBlock[] = [
    { kind: "html", html: "<p>Text.</p>\n" },
    { kind: "photo", photo },
    { kind: "gallery", photos: [photo, { ...photo, caption: undefined }] as never },
    { kind: "pullquote", text: "A <quote>", attribution: "Someone" },
    { kind: "embed", embed: { provider: "youtube", kind: "video", id: "dQw4w9WgXcQ" } },
  ];
  const $ = load(feedBodyHtml(blocks, [image], SITE));

  it("gives photos as <img> with absolute URLs, their size, alt text, caption and credit", () => {
    const img = $("figure img").first();
    assert.equal(img.attr("src"), "https://news.example/news/media/rescue-1600.jpg");
    assert.equal(img.attr("width"), "1600");
    assert.equal(img.attr("alt"), "Rescue <workers>");
    assert.equal($("figure figcaption").first().text(), "In Jakarta. PHOTO: AFP");
    assert.equal($("figure img").length, 3, "the gallery's photos too");
    assert.equal($("img[srcset], picture, iframe, script").length, 0);
  });

  it("keeps text, quotes the pull quote and links the embed's original", () => {
    assert.equal($("p").first().text(), "Text.");
    assert.equal($("blockquote p").text(), "A <quote>");
    assert.equal($('a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]').length, 1);
  });
});

describe("search", () => {
  it("indexes photo captions and credits, and pull quotes with who said them", () => {
    const photo = (index: number, caption?: string) => ({
      index,
      src: `p${index}.jpg`,
      alt: "Not shown as text",
      ...(caption ? { caption } : {}),
      credit: { label: "PHOTO" as const, name: "ANTARA" },
      line: 9 + index,
    });
    const record = {
      card: {
        url: "/asia/floods/",
        title: "Floods",
        date: "2026-11-30T08:00:00+07:00",
        section: { slug: "asia", name: "Asia" },
      } as ArticleCard,
      body: [
        { kind: "html", html: "<p>Body.</p>" },
        { kind: "photo", photo: photo(0, "Zanzibarite sandbags on the bank.") },
        { kind: "gallery", photos: [photo(1, "Quokka boats."), photo(2)] },
        { kind: "pullquote", text: "The water came faster.", attribution: "Isnawa Adji" },
      ] satisfies BodyBlock[],
      bodyText: "Body.",
    };
    const { content } = searchRecord(record, { language: "en-SG", timeZone: "Asia/Singapore" }, []);
    for (const words of [
      "Zanzibarite sandbags on the bank. PHOTO: ANTARA",
      "Quokka boats. PHOTO: ANTARA",
      "The water came faster.",
      "Isnawa Adji",
    ]) {
      assert.ok(content.includes(words), `${words} in ${content}`);
    }
    assert.ok(!content.includes("Not shown as text"), "alt text is not what readers see");
  });
});
