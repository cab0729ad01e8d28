/**
 * Checks the photo and video options: files that exist, in a format the build reads, and the
 * fields the contract requires with them (alt text for a photo, an id and a thumbnail for a
 * video). Problems are collected, not thrown, so the editor sees all of them at once.
 */
import path from "node:path";
import type { ContentIssue } from "../../content/issues.ts";
import { argumentIssue, checkReadableFile, resolveInput } from "../wire/command.ts";
import { COMMAND, type ImportValues } from "./options.ts";
import type { ImportRequest, PhotoRequest, VideoRequest } from "./request.ts";

/** Photo formats the media pipeline reads (the contract's list). */
const IMAGE_EXTENSIONS = new Set(["jpg", "jpeg", "png", "webp", "avif", "tif", "tiff"]);

/**
 * Checks the media options: files that exist, in a format the build reads, and the fields the
 * contract requires with them (alt text for a photo, an id and a thumbnail for a video).
 */
export function checkMedia(
  values: ImportValues,
  env: NodeJS.ProcessEnv,
  issues: ContentIssue[],
): Pick<ImportRequest, "photo" | "video"> {
  const mediaFile = (option: string, given: string, base: string) => {
    const from = resolveInput(given, env);
    const problem = checkReadableFile(from, given);
    if (problem) {
      issues.push({ ...problem, field: option });
      return undefined;
    }
    const extension = path.extname(given).slice(1).toLowerCase();
    if (!IMAGE_EXTENSIONS.has(extension)) {
      issues.push(
        argumentIssue(
          COMMAND,
          option,
          `${given} is not a JPEG, PNG, WebP, AVIF or TIFF file name.`,
          "Give an image file ending in .jpg, .jpeg, .png, .webp, .avif, .tif or .tiff.",
        ),
      );
      return undefined;
    }
    return { from, name: `${base}.${extension}` };
  };

  let photo: PhotoRequest | undefined;
  if (values.photo !== undefined) {
    const file = mediaFile("--photo", values.photo, "photo");
    const alt = values.alt?.trim();
    if (!alt) {
      issues.push(
        argumentIssue(
          COMMAND,
          "--alt",
          "A photo needs alt text: the contract requires image.alt, so readers who cannot see the photo are told what it shows.",
          'Add --alt "<what the photo shows>", e.g. --alt "Kim Jong Un reading a letter at his desk".',
        ),
      );
    }
    const focus = values.focus === undefined ? undefined : parseFocus(values.focus, issues);
    if (file && alt && focus !== null) {
      photo = { ...file, alt, ...(focus ? { focus } : {}) };
    }
  } else {
    for (const option of ["alt", "focus"] as const) {
      if (values[option] !== undefined) {
        issues.push(
          argumentIssue(
            COMMAND,
            `--${option}`,
            `--${option} describes the photo, but no --photo was given.`,
            `Add --photo <file>, or leave out --${option}.`,
          ),
        );
      }
    }
  }

  let video: VideoRequest | undefined;
  const id = values["video-id"];
  const thumbnail = values["video-thumbnail"];
  if (id !== undefined || thumbnail !== undefined) {
    if (id === undefined || thumbnail === undefined) {
      issues.push(
        argumentIssue(
          COMMAND,
          id === undefined ? "--video-id" : "--video-thumbnail",
          "A video needs both its Brightcove id and a thumbnail image.",
          "Give --video-id <digits> and --video-thumbnail <file> together, or neither.",
        ),
      );
    }
    if (id !== undefined && !/^\d{1,20}$/.test(id)) {
      issues.push(
        argumentIssue(
          COMMAND,
          "--video-id",
          `"${id}" is not a Brightcove video id.`,
          "Give the id as digits only, e.g. --video-id 1234567890001.",
        ),
      );
    }
    const file =
      thumbnail === undefined
        ? undefined
        : mediaFile("--video-thumbnail", thumbnail, "video-thumbnail");
    const title = values["video-title"]?.trim();
    if (file && id !== undefined && /^\d{1,20}$/.test(id)) {
      video = {
        id,
        thumbnailFrom: file.from,
        thumbnailName: file.name,
        ...(title ? { title } : {}),
      };
    }
  } else if (values["video-title"] !== undefined) {
    issues.push(
      argumentIssue(
        COMMAND,
        "--video-title",
        "--video-title names the video, but no --video-id was given.",
        "Add --video-id <digits> --video-thumbnail <file>, or leave out --video-title.",
      ),
    );
  }
  return { ...(photo ? { photo } : {}), ...(video ? { video } : {}) };
}

/** `0.42,0.65` (or `[0.42, 0.65]`) to a focal point; null (and an issue) when it is not one. */
function parseFocus(text: string, issues: ContentIssue[]): readonly [number, number] | null {
  const parts = text
    .replace(/^\s*\[|\]\s*$/g, "")
    .split(",")
    .map((part) => part.trim());
  const numbers = parts.map(Number);
  const [x, y] = numbers;
  if (
    parts.length === 2 &&
    parts.every((part) => part !== "") &&
    x !== undefined &&
    y !== undefined &&
    numbers.every((value) => Number.isFinite(value) && value >= 0 && value <= 1)
  ) {
    return [x, y];
  }
  issues.push(
    argumentIssue(
      COMMAND,
      "--focus",
      `"${text}" is not a focal point.`,
      "Give two fractions of the photo's width and height, from 0 to 1, e.g. --focus 0.5,0.35.",
    ),
  );
  return null;
}
