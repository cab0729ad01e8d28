/**
 * What the output check knows of image URLs: a file of the site, or a URL of the site's image
 * CDN that is well formed in the provider's grammar and names a master the site publishes. A
 * CDN URL is not a file, but it is no less checkable: a typo in its grammar, or a master that
 * is not published, is a broken image on every device.
 */
import { looksLikeCdnUrl, parseRenditionUrl } from "../media/cdn/index.ts";
import type { ImageCdn } from "../media/types.ts";

const NAMES: Readonly<Record<ImageCdn["provider"], string>> = {
  netlify: "Netlify Image CDN",
  cloudflare: "Cloudflare Images",
  imgix: "imgix",
};

/**
 * Why an `img` or `source` URL does not resolve, or undefined when it does. `resolve` says the
 * same of a site path (the check's own rule for files).
 */
export function imageUrlProblem(
  url: string,
  imageCdn: ImageCdn | undefined,
  resolve: (url: string) => string | undefined,
): string | undefined {
  if (!imageCdn || !looksLikeCdnUrl(imageCdn, url)) return resolve(url);
  const query = parseRenditionUrl(imageCdn, url);
  const name = NAMES[imageCdn.provider];
  if (!query) return `is not a ${name} URL in the grammar Broadsheet writes`;
  const problem = resolve(query.master);
  return problem ? `asks ${name} for the master ${query.master}, which ${problem}` : undefined;
}
