/**
 * Seeded value noise and the small interpolation helpers the painter uses: everything random
 * comes from fixed seeds, so the output never changes.
 */

/** Smooth 2-D value noise in [0, 1), built from a seeded lattice so textures are repeatable. */
export function makeValueNoise(random: () => number): (x: number, y: number) => number {
  const size = 256;
  const lattice = new Float32Array(size * size);
  for (let i = 0; i < lattice.length; i++) lattice[i] = random();
  return (x, y) => {
    const xi = Math.floor(x);
    const yi = Math.floor(y);
    const fx = x - xi;
    const fy = y - yi;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const x0 = xi & 255;
    const x1 = (xi + 1) & 255;
    const y0 = (yi & 255) * size;
    const y1 = ((yi + 1) & 255) * size;
    const top = lerp(lattice[y0 + x0] ?? 0, lattice[y0 + x1] ?? 0, sx);
    const bottom = lerp(lattice[y1 + x0] ?? 0, lattice[y1 + x1] ?? 0, sx);
    return lerp(top, bottom, sy);
  };
}

/** Three octaves of value noise: enough irregularity for wood figure without costing much time. */
export function fractalNoise(
  noise: (x: number, y: number) => number,
  x: number,
  y: number,
): number {
  return (
    noise(x, y) * 0.57 +
    noise(x * 2.03 + 17.1, y * 2.03 + 5.3) * 0.29 +
    noise(x * 4.1, y * 4.1) * 0.14
  );
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function clamp01(value: number): number {
  return Math.max(0, Math.min(1, value));
}

export function smoothstep(edge0: number, edge1: number, value: number): number {
  const t = clamp01((value - edge0) / (edge1 - edge0));
  return t * t * (3 - 2 * t);
}
