"use client";
import { canAdminister, canAuthor } from "@/lib/auth/roles";
import { IntentLink } from "@/components/ui/intent-link";
import { TimeZoneCookie } from "@/components/ui/time-zone-cookie";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { signOutAction } from "@/lib/actions/account/sign-out";
import { plural } from "@/lib/domain/format";
import { apiFetch } from "@/lib/http/api-fetch";
import type { GuestMergeReply, MeSummary } from "@/lib/http/contracts";
import { forgetGuestAttempts, readGuestAttempts } from "@/lib/practice/guest-store";
import { publishSignedIn } from "./signed-in-store";

/** Moves a guest's browser-kept answers into the account the first time the header sees a session. */
async function mergeGuestProgress(): Promise<number> {
  const attempts = readGuestAttempts();
  if (!attempts.length) return 0;
  const reply = await apiFetch<GuestMergeReply>("/api/me/guest-merge", { method: "POST", body: { attempts } });
  if (!reply.ok) return 0;
  // Merged, skipped (duplicate, too old) or refused for good: none of them is worth sending again.
  forgetGuestAttempts(new Set(attempts.map((attempt) => attempt.attemptId)));
  return reply.data.merged;
}

const loadSummary = () => apiFetch<MeSummary>("/api/me/summary", { cache: "no-store" });

/**
 * The personal part of the header: sign-in links, or the review count and the account menu. Loaded from
 * the browser (GET /api/me/summary) so that public pages stay static and cacheable.
 */
export function AccountMenu() {
  const pathname = usePathname();
  const [summary, setSummary] = useState<MeSummary | null>(null);
  const [mergedNotice, setMergedNotice] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const reply = await loadSummary();
      if (!reply.ok || cancelled) return;
      let next = reply.data;
      if (next.signedIn) {
        const merged = await mergeGuestProgress().catch(() => 0);
        if (merged > 0 && !cancelled) {
          setMergedNotice(`Added ${plural(merged, "answer")} from this browser to your account.`);
          const again = await loadSummary();
          if (again.ok) next = again.data;
        }
      }
      if (cancelled) return;
      setSummary(next);
      publishSignedIn(next.signedIn);
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [pathname]);

  if (!summary) return <div className="account-menu" aria-hidden="true" />;
  if (!summary.signedIn) {
    return (
      <div className="account-menu">
        <IntentLink href={`/sign-in?callbackUrl=${encodeURIComponent(pathname)}`}>Sign in</IntentLink>
        <IntentLink
          className="button button--primary button--small"
          href={`/sign-up?callbackUrl=${encodeURIComponent(pathname)}`}
        >
          Sign up
        </IntentLink>
      </div>
    );
  }
  return (
    <div className="account-menu">
      <IntentLink href="/review" className="review-link" aria-current={pathname === "/review" ? "page" : undefined}>
        Review{" "}
        <span className="badge" aria-label={`${summary.dueNow} due`}>
          {summary.dueNow}
        </span>
      </IntentLink>
      <details className="menu">
        <summary>{summary.name ?? summary.email ?? "Account"}</summary>
        <div className="menu__panel">
          <IntentLink href="/progress">Progress</IntentLink>
          <IntentLink href="/settings">Settings</IntentLink>
          {canAuthor(summary.role) ? <IntentLink href="/author">Question bank</IntentLink> : null}
          {canAdminister(summary.role) ? <IntentLink href="/admin/users">Users</IntentLink> : null}
          <form action={signOutAction}>
            <button type="submit" className="button button--quiet">
              Sign out
            </button>
          </form>
        </div>
      </details>
      {/* Only signed-in pages read the time zone (streaks, calendars, class deadlines): a visitor's browser is not
          asked for it, a first Intl call that on a phone took tens of milliseconds from their first search. */}
      <TimeZoneCookie />
      {mergedNotice ? (
        <p role="status" className="toast">
          {mergedNotice}
        </p>
      ) : null}
    </div>
  );
}
