import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "About", description: "What mlprep is and how its glossary is written." };

export default function AboutPage() {
  return (
    <>
      <h1>About mlprep</h1>
      <p>
        mlprep helps candidates prepare for machine-learning engineering interviews. Every definition in the{" "}
        <Link href="/glossary">glossary</Link> is written for this site, checked for broken links and math on every
        build, and tied to the terms it is most often confused with.
      </p>
    </>
  );
}
