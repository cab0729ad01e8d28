/** The briefing room's frame and where the podium and the flag poles stand. */
import type { Frame } from "../picture.ts";

export const BRIEFING_FRAME: Frame = { width: 1920, height: 1080 };

/** The podium's outline, in pixels: a slanted top and a slightly tapering front. */
export const PODIUM = { left: 720, right: 1200, top: 600, lip: 648, footInset: 36 } as const;

/** The flag poles, in pixels from the left edge. */
export const FLAG_POLES = [330, 1600] as const;
