/**
 * A minimal EXIF reader for tests: which tags IFD0 and the Exif sub-IFD hold, and the
 * Copyright text. Enough to prove what the media module writes and what it strips.
 */

export const TAG = {
  make: 0x010f,
  model: 0x0110,
  dateTime: 0x0132,
  copyright: 0x8298,
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  dateTimeOriginal: 0x9003,
  bodySerialNumber: 0xa431,
} as const;

export interface ExifSummary {
  /** Tags present in IFD0. */
  readonly ifd0: ReadonlySet<number>;
  /** Tags present in the Exif sub-IFD, if any. */
  readonly exif: ReadonlySet<number>;
  readonly copyright?: string;
}

/** Reads sharp's `metadata().exif` buffer (`Exif\0\0` then a TIFF structure). */
export function readExif(buffer: Buffer): ExifSummary {
  const tiff =
    buffer.subarray(0, 6).toString("latin1") === "Exif\0\0" ? buffer.subarray(6) : buffer;
  const little = tiff.subarray(0, 2).toString("latin1") === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const readIfd = (offset: number) => {
    const tags = new Map<number, { type: number; count: number; valueAt: number }>();
    const count = u16(offset);
    for (let i = 0; i < count; i += 1) {
      const entry = offset + 2 + i * 12;
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      const size = n * (type === 3 ? 2 : type === 4 || type === 9 ? 4 : type === 5 ? 8 : 1);
      tags.set(u16(entry), { type, count: n, valueAt: size > 4 ? u32(entry + 8) : entry + 8 });
    }
    return tags;
  };
  const ifd0 = readIfd(u32(4));
  const exifPointer = ifd0.get(TAG.exifIfd);
  const exif = exifPointer ? readIfd(u32(exifPointer.valueAt)) : new Map();
  const copyright = ifd0.get(TAG.copyright);
  return {
    ifd0: new Set(ifd0.keys()),
    exif: new Set(exif.keys()),
    ...(copyright && {
      copyright: tiff
        .subarray(copyright.valueAt, copyright.valueAt + copyright.count)
        .toString("latin1")
        .replace(/\0+$/, ""),
    }),
  };
}
