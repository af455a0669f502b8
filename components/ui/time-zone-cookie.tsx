"use client";
import { useEffect } from "react";

/** Tells the server the browser's time zone, so a streak's "today" is the user's today. */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && !document.cookie.split("; ").includes(`tz=${zone}`)) {
      document.cookie = `tz=${zone}; path=/; max-age=31536000; samesite=lax`;
    }
  }, []);
  return null;
}
