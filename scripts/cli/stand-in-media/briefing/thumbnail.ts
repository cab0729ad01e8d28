/**
 * The stand-in video thumbnail: an empty briefing-room podium before a blue backdrop and
 * flags, defocused and graded like a video frame.
 */

import { seededRandom } from "../../../media/synthetic.ts";
import { screen } from "../blend.ts";
import { colourGrade, encodeWithGrain, filmGrain } from "../film.ts";
import { type BokehField, bloom, bokehSvg, depthOfField, vignette } from "../lens.ts";
import { renderMap, renderSvg } from "../picture.ts";
import { blurFilter, points, stop, svgDocument } from "../svg.ts";
import { sealFlag, stripedFlag } from "./flags.ts";
import { audience, backdrop, podium, woodVeneer } from "./room.ts";
import { BRIEFING_FRAME, FLAG_POLES, PODIUM } from "./scene.ts";

function briefingSvg(random: () => number, veneer: string): string {
  const [leftPole, rightPole] = FLAG_POLES;
  return svgDocument(
    BRIEFING_FRAME,
    `<defs>
      ${blurFilter("wide", 60)}
      <linearGradient id="pole" x1="0" y1="0" x2="1" y2="0">${stop(0, "#5b4420")}${stop(0.5, "#d9b873")}${stop(1, "#4d3816")}</linearGradient>
    </defs>
    ${backdrop(random)}
    ${stripedFlag(leftPole)}
    ${sealFlag(rightPole)}
    ${podium(veneer)}
    ${audience()}`,
  );
}

/**
 * How far each part of the briefing room is from the focal plane (the podium): backdrop and
 * flags moderately soft, the front row very soft.
 */
function briefingFocusSvg(): string {
  const { left, right, top, footInset } = PODIUM;
  const [leftPole, rightPole] = FLAG_POLES;
  return svgDocument(
    BRIEFING_FRAME,
    `<defs>${blurFilter("soften", 5)}</defs>
    <g filter="url(#soften)">
      <rect width="${BRIEFING_FRAME.width}" height="${BRIEFING_FRAME.height}" fill="rgb(130,130,130)"/>
      <rect x="${leftPole - 40}" y="0" width="320" height="1080" fill="rgb(96,96,96)"/>
      <rect x="${rightPole - 280}" y="0" width="320" height="1080" fill="rgb(96,96,96)"/>
      <polygon points="${points([
        { x: left - 90, y: top - 170 },
        { x: right + 90, y: top - 170 },
        { x: right + 10, y: top },
        { x: right - footInset + 10, y: 1080 },
        { x: left + footInset - 10, y: 1080 },
        { x: left - 10, y: top },
      ])}" fill="rgb(14,14,14)"/>
      ${audience().replaceAll(/fill="#[0-9a-f]{6}"/g, 'fill="#ffffff"')}
    </g>`,
  );
}

/** The stand-in for the video's poster frame (`video-thumbnail.jpg`), 1920 x 1080. */
export async function makeBriefingThumbnail(): Promise<Buffer> {
  const random = seededRandom(0xb0a2d);
  const frame = BRIEFING_FRAME;
  const [scene, focus] = await Promise.all([
    woodVeneer(PODIUM.right - PODIUM.left, frame.height - PODIUM.lip + 20, 0x0a4).then((veneer) =>
      renderSvg(briefingSvg(random, veneer), frame),
    ),
    renderMap(briefingFocusSvg()),
  ]);
  const defocused = await depthOfField(scene, focus, [2.3, 9, 15.5, 22, 29]);
  const ceilingLights: BokehField = {
    count: 15,
    left: 0,
    top: -20,
    width: frame.width,
    height: 230,
    minRadius: 22,
    maxRadius: 70,
    warmShare: 0.6,
  };
  const bokeh = await renderSvg(bokehSvg(frame, ceilingLights, random), frame);
  const glowing = await bloom(screen(defocused, bokeh, 0.75), 150, 40, 0.5);
  const graded = colourGrade(glowing, {
    contrast: 0.3,
    lift: 0.03,
    shadowTint: [-0.01, 0.0, 0.025],
    highlightTint: [0.03, 0.015, -0.02],
  });
  const grain = await filmGrain(frame, 0x7ee7, 13, 1.3);
  return encodeWithGrain(vignette(graded, 0.5), grain);
}
