/** Deterministic pseudo-random numbers: mulberry32 seeded from an FNV-1a hash of a key path. */

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }

  /** `count` distinct elements of `list`, in a random order. */
  sample<T>(list: readonly T[], count: number): T[] {
    const pool = list.slice();
    const out: T[] = [];
    for (let i = 0; i < count && pool.length > 0; i++) {
      const at = Math.floor(this.next() * pool.length);
      out.push(pool[at]);
      pool[at] = pool[pool.length - 1];
      pool.pop();
    }
    return out;
  }
}

/** An independent stream for one entity, so any entity can be regenerated on its own. */
export function rngFor(seed: number, ...path: (string | number)[]): Rng {
  return new Rng(fnv1a(`${seed}/${path.join('/')}`));
}

/** The generator as a plain function, for callers that only need floats in [0, 1). */
export function seeded(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}
