import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        That page does not exist. Try the <Link href="/glossary">glossary</Link>, or press <kbd>Ctrl</kbd> <kbd>K</kbd>{" "}
        to search.
      </p>
    </>
  );
}
