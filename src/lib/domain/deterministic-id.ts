/**
 * ULID-shaped ids derived from content instead of randomness: the time part from a given
 * instant, the rest from a 64-bit FNV-1a hash of a key. Two devices recording the same
 * fact (the same lost value of the same conflict) produce the same document id and
 * content, hence the same revision, and replication sees one document, not two.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

function fnv1a64(key: string): bigint {
	let hash = FNV_OFFSET;
	for (const byte of new TextEncoder().encode(key)) {
		hash ^= BigInt(byte);
		hash = (hash * FNV_PRIME) & MASK_64;
	}
	return hash;
}

function base32(value: bigint, length: number): string {
	let out = '';
	for (let i = 0; i < length; i++) {
		out = CROCKFORD[Number(value & 31n)]! + out;
		value >>= 5n;
	}
	return out;
}

/** A 26-character Crockford ULID for `key` at `millis`. */
export function deterministicUlid(millis: number, key: string): string {
	// 16 random-part characters = 80 bits: two 64-bit hashes (of the key and of key+salt).
	const random = (fnv1a64(key) << 16n) | (fnv1a64(`${key}\u0000`) & 0xffffn);
	return base32(BigInt(Math.max(0, Math.floor(millis))), 10) + base32(random, 16);
}
