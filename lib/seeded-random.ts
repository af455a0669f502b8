/**
 * mulberry32: a small seeded PRNG with exact 32-bit integer arithmetic (no precision loss, no short
 * cycles). For benchmarks and tests that must draw the same "random" numbers on every run; never for
 * anything secret.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
