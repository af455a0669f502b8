import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClassDashboard } from "@/components/classes/class-dashboard";
import { MemberClassView } from "@/components/classes/member-class-view";
import { requirePageUser } from "@/lib/auth/session";
import { classTitle } from "@/lib/classes/class-title";
import { requestNow } from "@/lib/clock";
import { loadClassProgress, loadMyAssignments } from "@/lib/data/class-progress";
import { listClasses } from "@/lib/data/classes";
import { db } from "@/lib/data/db";
import { listDecks } from "@/lib/data/questions";
import { plural } from "@/lib/domain/format";
import { findRole } from "@/lib/data/users";
import { requestTimeZone } from "@/lib/time-zone";

export async function generateMetadata({ params }: PageProps<"/classes/[classId]">): Promise<Metadata> {
  return { title: await classTitle((await params).classId, "Class") };
}

/**
 * A class: the dashboard for its owner and admins; a member's own assignments for a member (the
 * dashboard's refusal to a member is "forbidden"); not found to anyone else, as the API answers.
 */
export default async function ClassPage({ params }: PageProps<"/classes/[classId]">) {
  const { classId } = await params;
  const user = await requirePageUser(`/classes/${classId}`);
  const role = await findRole(db, user.id);
  if (!role) notFound();
  const [now, timeZone] = await Promise.all([requestNow(), requestTimeZone()]);
  const progress = await loadClassProgress(db, { id: user.id, role }, classId, now);
  if (progress.ok) {
    // Decks with live questions are published ones, which any instructor or admin may assign (assignDeck).
    // Copies keep their source's title, so each option says whose deck it is and how big.
    const decks = await listDecks(db);
    const whose = (ownerId: string | null) =>
      ownerId === null ? "built-in" : ownerId === user.id ? "yours" : "another instructor's";
    return (
      <ClassDashboard
        progress={progress.value}
        decks={decks.map((deck) => ({
          id: deck.id,
          label: `${deck.title} (${whose(deck.ownerId)}, ${plural(deck.questionCount, "question")})`,
        }))}
        timeZone={timeZone}
      />
    );
  }
  if (progress.error.code !== "forbidden") notFound();
  const [classes, mine] = await Promise.all([listClasses(db, user.id), loadMyAssignments(db, user.id, now)]);
  const joined = classes.joined.find((row) => row.id === classId);
  if (!joined) notFound();
  return (
    <MemberClassView
      classId={classId}
      name={joined.name}
      ownerName={joined.ownerName}
      assignments={mine.assignments.filter((assignment) => assignment.classId === classId)}
      timeZone={timeZone}
    />
  );
}
