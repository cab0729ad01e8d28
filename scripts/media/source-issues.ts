/**
 * The problems a source image can have, worded for an editor: each names the article and the
 * field (in `file` and `field`), the image file (in `message`) and one action that fixes it.
 */
import { basename, relative, sep } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import { describeKind, type SniffedKind } from "./sniff.ts";
import type { MediaRequest, SourceFormat } from "./types.ts";

/** The image's path as an editor sees it: relative to the project, with forward slashes. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return (rel === "" ? file : rel).split(sep).join("/");
}

function issue(request: MediaRequest, message: string, fix: string): ContentIssue {
  return { file: request.article, field: request.field, message, fix };
}

const FORMAT_NAMES: Record<SourceFormat, string> = {
  jpeg: "JPEG",
  png: "PNG",
  webp: "WebP",
  avif: "AVIF",
  tiff: "TIFF",
};

function formatList(formats: readonly SourceFormat[]): string {
  const names = formats.map((f) => FORMAT_NAMES[f]);
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** The file is not there. `nearby` is a file in the same folder the editor probably meant. */
export function missingFile(request: MediaRequest, nearby?: string): ContentIssue {
  const name = basename(request.file);
  const hint = nearby ? ` The folder has ${nearby}: names are case-sensitive.` : "";
  return issue(
    request,
    `${displayPath(request.file)} does not exist.${hint}`,
    nearby
      ? `Change ${request.field} to "${nearby}", or rename the file to ${name}.`
      : `Put the image beside index.md as ${name}, or change ${request.field} to the name of the image file that is there.`,
  );
}

/** The path is a folder or something else that is not a regular file. */
export function notAFile(request: MediaRequest): ContentIssue {
  return issue(
    request,
    `${displayPath(request.file)} is not a file.`,
    `Point ${request.field} at the image file itself, e.g. photo.jpg beside index.md.`,
  );
}

/** Zero bytes: an interrupted copy or upload. */
export function emptyFile(request: MediaRequest): ContentIssue {
  return issue(
    request,
    `${displayPath(request.file)} is empty (0 bytes).`,
    "Copy the original image again: the copy or upload that made this file was interrupted.",
  );
}

/** Bigger than any photo: refused before it is read into memory. */
export function tooLarge(request: MediaRequest, bytes: number, limit: number): ContentIssue {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return issue(
    request,
    `${displayPath(request.file)} is ${mb(bytes)}, over the limit of ${mb(limit)} for an image file.`,
    "Export the photo as a JPEG at most 6000 px on the long side and replace the file.",
  );
}

/** The bytes are something other than an accepted image format. */
export function wrongKind(
  request: MediaRequest,
  kind: SniffedKind,
  allowed: readonly SourceFormat[],
): ContentIssue {
  const path = displayPath(request.file);
  const what = describeKind(kind);
  if (kind === "html" || kind === "text" || kind === "pdf" || kind === "unknown") {
    return issue(
      request,
      `${path} is ${what}, whatever its name says.`,
      kind === "html"
        ? "Save the image itself (open it on its own, then save it), not the web page it was on, and replace the file."
        : `Replace it with the photo itself as ${formatList(allowed)}.`,
    );
  }
  return issue(
    request,
    `${path} is ${what}, which is not accepted for article images (only ${formatList(allowed)}).`,
    kind === "svg"
      ? `Export it as JPEG (photos) or PNG (graphics), at least 1200 px wide, and point ${request.field} at that file.`
      : `Convert it to JPEG (or PNG for graphics) and point ${request.field} at the new file.`,
  );
}

/** Over the pixel limit: refused from the header, before any pixel is decoded. */
export function tooManyPixels(
  request: MediaRequest,
  width: number,
  height: number,
  limit: number,
): ContentIssue {
  const megapixels = (n: number) => `${Math.round(n / 1_000_000)} megapixels`;
  return issue(
    request,
    `${displayPath(request.file)} is ${width} x ${height} pixels (${megapixels(width * height)}), over the limit of ${megapixels(limit)}.`,
    "Resize it to at most 6000 px on the long side (the largest image published is 1600 px wide) and replace the file.",
  );
}

/** Too small to cut every crop from. */
export function tooSmall(
  request: MediaRequest,
  width: number,
  height: number,
  crop: string,
): ContentIssue {
  return issue(
    request,
    `${displayPath(request.file)} is only ${width} x ${height} pixels, too small to cut the ${crop} crop from.`,
    "Use a larger original: at least 1200 px wide gives sharp crops and large previews in search.",
  );
}

/**
 * sharp's error text, trimmed for an editor: one line per libvips message, without the
 * "Vips...:" prefixes, the retry noise of the HEIF reader or the failOn notice.
 */
export function decoderDetail(reason: string): string {
  const lines = reason
    .split("\n")
    .map((line) => line.replace(/^Vips\w*:\s*/, "").trim())
    .filter(
      (line) => line !== "" && !/^source: bad seek|treated as error due to failOn/i.test(line),
    );
  // libvips repeats a message once per pass over the file: each is said once.
  const detail = [...new Set(lines)].join("; ");
  return detail.length > 160 ? `${detail.slice(0, 157)}...` : detail;
}

/** sharp refused the bytes: cut short, damaged or unreadable. `reason` is sharp's message. */
export function undecodable(request: MediaRequest, reason: string): ContentIssue {
  const path = displayPath(request.file);
  const detail = decoderDetail(reason);
  const fix =
    "Copy or export the image again from the original: this file was damaged on its way here.";
  // libjpeg calls corruption "premature end of data segment"; only "of image" means cut short.
  if (
    /premature end of (jpeg )?image|truncat|unexpected end of file|not enough data/i.test(detail)
  ) {
    return issue(
      request,
      `${path} is cut short: the file ends before the image does (${detail}).`,
      fix,
    );
  }
  if (/corrupt|huffman|invalid|bad |crc|checksum|read error|premature end/i.test(detail)) {
    return issue(request, `${path} is damaged: its image data is corrupt (${detail}).`, fix);
  }
  return issue(request, `${path} cannot be read as an image (${detail}).`, fix);
}
