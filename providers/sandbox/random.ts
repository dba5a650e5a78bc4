// Seeded randomness for the sandbox: every random choice (fault draws, id bytes) comes from
// a mulberry32 stream, so a run is replayable from its seed.

/** A function returning uniform numbers in [0, 1). */
export type RandomSource = () => number;

/** mulberry32: a tiny 32-bit PRNG, good enough for fault injection and id bytes. */
export function createRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent stream from a seed, so id generation never shifts fault draws. */
export function deriveSeed(seed: number, stream: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(stream, 0xc2b2ae35)) >>> 0;
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0').slice(-digits);
}

/**
 * Creates ObjectId-like 24-hex ids: 4 bytes of seconds since the epoch, 5 random bytes
 * (fixed per generator, like MongoDB's per-process value) and a 3-byte counter.
 */
export function createIdGenerator(random: RandomSource, now: () => Date): () => string {
  const processBytes = hex(Math.floor(random() * 0x10000000000), 10);
  let counter = Math.floor(random() * 0x1000000);
  return () => {
    counter = (counter + 1) % 0x1000000;
    const seconds = Math.floor(now().getTime() / 1000);
    return `${hex(seconds, 8)}${processBytes}${hex(counter, 6)}`;
  };
}
