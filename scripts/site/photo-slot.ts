/**
 * How a photo sits in the article column (the lead and photos in the body). A landscape photo
 * takes the column's width: the whole screen on a phone, 720 px beyond 760 px. An upright one
 * at that width would tower over the story (a 2:3 portrait is 1.5 times as tall as the column
 * is wide: a phone's whole first screen, or 1,080 px on a desktop), so it is set whole, never
 * cropped, in a frame of fixed shape (assets/css/site.css, `.media-upright`): square, and 4:3
 * for the lead on a phone, which must leave the story's first words on the first screen; its
 * blurred placeholder fills the frame's sides.
 */

/** Where in the column a photo is. */
export type ColumnSlot = "lead" | "body";

/** The article column beyond 760 px, and the frame's height as a share of its width. */
const COLUMN_PX = 720;
const PHONE_FRAME_HEIGHT: Readonly<Record<ColumnSlot, number>> = { lead: 3 / 4, body: 1 };
const COLUMN_FRAME_HEIGHT = 1;

/** Taller than wide by more than 5%: a square-ish photo stays a column photo. */
export function isUpright(photo: { readonly width: number; readonly height: number }): boolean {
  return photo.height > photo.width * 1.05;
}

/** The `sizes` for a photo in the column: the width it is drawn at in each layout. */
export function columnPhotoSizes(
  photo: { readonly width: number; readonly height: number },
  slot: ColumnSlot,
): string {
  if (!isUpright(photo)) return `(min-width: 760px) ${COLUMN_PX}px, 100vw`;
  const shape = photo.width / photo.height;
  const column = Math.ceil(COLUMN_PX * COLUMN_FRAME_HEIGHT * shape);
  const phone = Math.ceil(100 * PHONE_FRAME_HEIGHT[slot] * shape);
  return `(min-width: 760px) ${column}px, ${phone}vw`;
}

/** A lead photo's drawn height over the phone's width: its own shape, or the upright frame's. */
export function phoneShape(photo: { readonly width: number; readonly height: number }): number {
  return isUpright(photo) ? PHONE_FRAME_HEIGHT.lead : photo.height / photo.width;
}
