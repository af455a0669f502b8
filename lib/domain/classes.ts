/**
 * Classes (issue 15): join codes and the caps on what a class may hold. Pure: randomness comes in as a
 * function (crypto.randomBytes on the server, fixed bytes in tests).
 */

/**
 * Digits and capitals without the ones people misread or mistype (0/O, 1/I/L): 31 symbols, so a code of
 * 10 holds about 49.5 bits. With joining rate-limited per user (lib/domain/rate-limit.ts JOIN_LIMIT),
 * guessing a live code is out of reach.
 */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 10;

/** Caps on what one instructor or class may grow to, so no account can make a table or a dashboard unbounded. */
export const CLASS_LIMITS = { ownedClasses: 100, members: 500, assignments: 50, nameLength: 100 } as const;

export type RandomBytes = (size: number) => Uint8Array;

/**
 * A new join code. Bytes at or above the largest multiple of the alphabet's size are skipped, so every
 * symbol is equally likely (a plain `byte % 31` would favour the first few).
 */
export function newJoinCode(randomBytes: RandomBytes): string {
  const size = JOIN_CODE_ALPHABET.length;
  const unbiased = 256 - (256 % size);
  let code = "";
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomBytes(JOIN_CODE_LENGTH)) {
      if (byte < unbiased && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[byte % size];
    }
  }
  return code;
}

/**
 * What a person typed or pasted, as a code: the last path segment of a pasted join link, upper-cased,
 * without spaces or hyphens (a code may be read out in groups). Linear in the input: the join page reads
 * its code from the address, which no schema caps, and a regex for the trailing slashes (`/\/+$/`) retried
 * from every slash of a run of them (64,000 slashes: 4 s).
 */
export function normalizeJoinCode(input: string): string {
  const trimmed = input.trim();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === "/") end--;
  const lastSegment = trimmed.slice(trimmed.lastIndexOf("/", end - 1) + 1, end);
  return lastSegment.replace(/[\s-]/g, "").toUpperCase();
}

const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

export function isJoinCode(code: string): boolean {
  return JOIN_CODE_PATTERN.test(code);
}

/** The path members follow to join; the page at it asks them to confirm. */
export function joinPath(code: string): string {
  return `/join/${code}`;
}
