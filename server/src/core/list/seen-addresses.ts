/**
 * Remembers every address seen and the line it was first seen on, for the duplicate check,
 * in about 24 bytes per address instead of the ~100 a Map of strings costs, so a list of
 * ten million rows fits. Addresses are stored as 64-bit hashes: the chance that any two of
 * ten million different addresses share one is about 3 in a million (n² / 2⁶⁵).
 */
export class SeenAddresses {
  // Slots of three numbers (high hash, low hash, line) side by side, so a probe touches one
  // cache line. Line numbers start at 1, so line 0 marks an empty slot.
  private table = new Uint32Array(3 << 12);
  private capacity = 1 << 12;
  private count = 0;

  /** Records the address and returns undefined, or returns the line it was first recorded on. */
  firstLine(key: string, line: number): number | undefined {
    hash64(key);
    const high = hashHigh;
    const low = hashLow;
    const table = this.table;
    const mask = this.capacity - 1;
    for (let slot = (low ^ high) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      const stored = table[at + 2];
      if (stored === 0) {
        table[at] = high;
        table[at + 1] = low;
        table[at + 2] = line;
        if (++this.count * 2 > this.capacity) this.grow();
        return undefined;
      }
      if (table[at] === high && table[at + 1] === low) return stored;
    }
  }

  private grow(): void {
    const old = this.table;
    this.capacity *= 2;
    this.table = new Uint32Array(this.capacity * 3);
    const mask = this.capacity - 1;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === 0) continue;
      let slot = (old[at] ^ old[at + 1]) & mask;
      while (this.table[slot * 3 + 2] !== 0) slot = (slot + 1) & mask;
      this.table[slot * 3] = old[at];
      this.table[slot * 3 + 1] = old[at + 1];
      this.table[slot * 3 + 2] = old[at + 2];
    }
  }
}

// The last hash64 result, in two module variables: returning a pair allocated an array per
// row, which showed in profiles of million-row lists.
let hashHigh = 0;
let hashLow = 0;

/** Computes two independent 32-bit hashes (FNV-1a style over UTF-16 units, with a murmur3 finaliser) into hashHigh and hashLow. */
function hash64(text: string): void {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995) + 0x27d4eb2d;
  }
  hashHigh = finalize(a);
  hashLow = finalize(b);
}

function finalize(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
