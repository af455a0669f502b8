import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { JoinClassButton } from "@/components/classes/join-class-button";
import { getSessionUser } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { previewJoin } from "@/lib/data/classes";
import { db } from "@/lib/data/db";
import { isJoinCode, joinPath, normalizeJoinCode } from "@/lib/domain/classes";

// No class name in the title: naming it would take a second preview, counted against the join limit.
export const metadata: Metadata = { title: "Join a class" };

/** What joining shows the instructor, said before the user decides (issue 15, privacy). */
function PrivacyNotice() {
  return (
    <p className="privacy-notice">
      The class&apos;s instructor will see your answers, accuracy and mastery on the decks assigned in this class. They
      do not see the rest of your history.
    </p>
  );
}

function JoinShell({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <section className="narrow">
      <h1>{heading}</h1>
      {children}
    </section>
  );
}

/**
 * /join/<code>: the link an instructor hands out. Opening it never joins: a signed-in user sees the class
 * and confirms; a guest signs up or in first and comes back here. The code is looked up only for a
 * signed-in user, through previewJoin, which counts against their join limit, so this page cannot be used
 * to search for codes. A code of the wrong shape, or one no class holds, is a 404 (./not-found.tsx).
 */
export default async function JoinPage({ params }: PageProps<"/join/[code]">) {
  const code = normalizeJoinCode((await params).code);
  if (!isJoinCode(code)) notFound();
  const user = await getSessionUser();
  if (!user) {
    const back = encodeURIComponent(joinPath(code));
    return (
      <JoinShell heading="Join a class">
        <PrivacyNotice />
        <p>Joining needs an account, so that your answers are yours wherever you practise.</p>
        <p className="join-actions">
          <Link className="button button--primary" href={`/sign-up?callbackUrl=${back}`}>
            Sign up to join
          </Link>
          <Link className="button" href={`/sign-in?callbackUrl=${back}`}>
            Sign in to join
          </Link>
        </p>
      </JoinShell>
    );
  }
  const preview = await previewJoin(db, user.id, code, await requestNow());
  if (!preview.ok) {
    if (preview.error.code !== "rate-limited") notFound();
    return (
      <JoinShell heading="Join a class">
        <p role="alert" className="form-error">
          {preview.error.message}
        </p>
      </JoinShell>
    );
  }
  const { id, name, joinOpen, member } = preview.value;
  if (member) {
    return (
      <JoinShell heading={`Join ${name}`}>
        <p>
          You are already a member of this class. <Link href={`/classes/${id}`}>Open {name}</Link>
        </p>
      </JoinShell>
    );
  }
  return (
    <JoinShell heading={`Join ${name}`}>
      {joinOpen ? (
        <>
          <PrivacyNotice />
          <JoinClassButton code={code} />
        </>
      ) : (
        <p>This class is not taking new members: ask your instructor.</p>
      )}
    </JoinShell>
  );
}
