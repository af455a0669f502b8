"use client";
import { useEffect } from "react";

/**
 * Tells the server the browser's time zone, so a streak's "today" is the user's today. When the page is
 * idle: the first Intl.DateTimeFormat loads the zone data, tens of milliseconds on a phone, which a
 * keystroke or a click just after the page loads should not wait for (docs/benchmarks.md, first search).
 * Rendered by the account menu once it has found a session (only signed-in pages read the cookie), and by
 * the sign-in and sign-up forms, so the first page after signing in has it.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const setCookie = () => {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone && !document.cookie.split("; ").includes(`tz=${zone}`)) {
        document.cookie = `tz=${zone}; path=/; max-age=31536000; samesite=lax`;
      }
    };
    // Safari has no requestIdleCallback: a timer there.
    if (typeof requestIdleCallback !== "function") {
      const timer = setTimeout(setCookie, 200);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(setCookie, { timeout: 2_000 });
    return () => cancelIdleCallback(handle);
  }, []);
  return null;
}
