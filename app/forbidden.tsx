import Link from "next/link";

export default function Forbidden() {
  return (
    <>
      <h1>Not allowed</h1>
      <p>
        Your account cannot open this page. Authoring and question statistics are for instructors; ask an administrator
        if you should be one. Meanwhile, <Link href="/decks">practise a deck</Link>.
      </p>
    </>
  );
}
