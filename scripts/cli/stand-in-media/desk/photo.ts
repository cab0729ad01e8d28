/**
 * The stand-in lead photograph: a letter in lamplight on a dark wooden desk, a window at dusk
 * behind, composed, lit, defocused and graded like a photograph.
 */
import sharp from "sharp";
import { seededRandom } from "../../../media/synthetic.ts";
import { applyLight, screen } from "../blend.ts";
import { colourGrade, encodeWithGrain, filmGrain } from "../film.ts";
import { type BokehField, bloom, bokehSvg, depthOfField, vignette } from "../lens.ts";
import { renderMap, renderSvg } from "../picture.ts";
import { deskBackdropSvg } from "./backdrop.ts";
import { deskFocusSvg, deskGlowSvg, deskLightSvg } from "./lighting.ts";
import { deskObjectsSvg } from "./objects.ts";
import { DESK_FRAME, DESK_TOP_Y, WINDOW } from "./scene.ts";
import { paintWalnut } from "./walnut.ts";

/** The stand-in for the article's lead photograph (`photo.jpg`), 3000 x 2000. */
export async function makeDeskPhoto(): Promise<Buffer> {
  const random = seededRandom(0x1e77e2);
  const frame = DESK_FRAME;
  const wood = paintWalnut(frame, DESK_TOP_Y, 0xdec0de);
  const albedoRgb = await sharp(Buffer.from(deskBackdropSvg(random)))
    .composite([
      {
        input: wood,
        raw: { width: frame.width, height: frame.height - DESK_TOP_Y, channels: 3 },
        top: DESK_TOP_Y,
        left: 0,
      },
      { input: Buffer.from(deskObjectsSvg(random)) },
    ])
    .flatten({ background: "#000000" })
    .removeAlpha()
    .raw()
    .toBuffer();
  const [light, glow, focus] = await Promise.all([
    renderSvg(deskLightSvg(), frame),
    renderSvg(deskGlowSvg(), frame),
    renderMap(deskFocusSvg()),
  ]);
  const lit = screen(applyLight({ frame, rgb: albedoRgb }, light), glow, 0.9);
  const defocused = await depthOfField(lit, focus, [1.3, 11, 21, 31, 41]);
  // Street lights beyond the trees, which the lens turns into discs.
  const streetLights: BokehField = {
    count: 10,
    left: WINDOW.left + 60,
    top: 420,
    width: WINDOW.right - WINDOW.left - 120,
    height: 300,
    minRadius: 40,
    maxRadius: 85,
    warmShare: 0.7,
  };
  const bokeh = await renderSvg(bokehSvg(frame, streetLights, random), frame);
  const glowing = await bloom(screen(defocused, bokeh, 0.45), 170, 60, 0.55);
  const graded = colourGrade(glowing, {
    contrast: 0.25,
    lift: 0.035,
    shadowTint: [-0.01, 0.005, 0.03],
    highlightTint: [0.03, 0.01, -0.03],
  });
  const grain = await filmGrain(frame, 0x6a11, 15, 1.6);
  return encodeWithGrain(vignette(graded, 0.55), grain);
}
