"use client";
import { useEffect, useState } from "react";
import { minutesAndSeconds } from "@/lib/domain/format";

/**
 * The time left of a session limited to `minutes` (null without a limit), ticking each second from the
 * first render until `stopped`; `onExpire` runs when it reaches zero. Counted from a fixed deadline, so a
 * throttled background tab catches up instead of drifting.
 */
export function useCountdown(minutes: number | undefined, stopped: boolean, onExpire: () => void): number | null {
  const [deadline] = useState(() => (minutes ? Date.now() + minutes * 60_000 : null));
  const [remainingMs, setRemainingMs] = useState<number | null>(minutes ? minutes * 60_000 : null);
  useEffect(() => {
    if (!deadline || stopped) return;
    const tick = () => {
      const left = Math.max(0, deadline - Date.now());
      setRemainingMs(left);
      if (left === 0) onExpire();
    };
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [deadline, stopped, onExpire]);
  return remainingMs;
}

/** The time left, for the session bar. Not announced at every tick: a screen reader would hear nothing else. */
export function Countdown({ remainingMs }: { remainingMs: number }) {
  return (
    <span className="timer" role="timer" aria-live="off">
      {minutesAndSeconds(remainingMs)} left
    </span>
  );
}
