"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A Link for the header, on every page: it prefetches its page when pointed at or focused, not as soon as
 * it is on screen. Seven header links prefetched on load made every page fetch and parse seven payloads
 * just after it hydrated, on a phone's main thread, when its reader may already be typing or searching
 * (docs/benchmarks.md, first search); a pointer or focus comes a few hundred milliseconds before a click,
 * which is time enough for the prefetch.
 */
export function IntentLink({ onPointerEnter, onFocus, ...props }: ComponentProps<typeof Link>) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onPointerEnter={(event) => {
        setIntent(true);
        onPointerEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
    />
  );
}
