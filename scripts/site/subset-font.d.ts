// subset-font ships no types; this is the part of its API fonts use (README, version 2.9).
declare module "subset-font" {
  interface SubsetFontOptions {
    readonly targetFormat?: "sfnt" | "woff" | "woff2";
    /** Each axis pinned to a value or limited to a range. */
    readonly variationAxes?: Readonly<
      Record<
        string,
        number | { readonly min: number; readonly max: number; readonly default?: number }
      >
    >;
    readonly preserveNameIds?: readonly number[];
  }
  export default function subsetFont(
    font: Buffer,
    text: string | null,
    options?: SubsetFontOptions,
  ): Promise<Buffer>;
}
