// fontverter ships no types; the one call the font tests make (its README, version 2).
declare module "fontverter" {
  export function convert(
    font: Buffer,
    toFormat: "truetype" | "sfnt" | "woff" | "woff2",
  ): Promise<Buffer>;
}
