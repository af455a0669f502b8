"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSignedIn } from "@/components/account/signed-in-store";

const LINKS = [
  { href: "/glossary", label: "Glossary" },
  { href: "/decks", label: "Decks" },
  { href: "/mock", label: "Mock interview" },
  { href: "/progress", label: "Progress" },
] as const;
/** Only for an account: a guest has no classes. */
const SIGNED_IN_LINKS = [{ href: "/classes", label: "Classes" }] as const;

export function SiteNav() {
  const pathname = usePathname();
  const signedIn = useSignedIn();
  return (
    <nav className="site-nav" aria-label="Main">
      {[...LINKS, ...(signedIn ? SIGNED_IN_LINKS : [])].map((link) => (
        <Link key={link.href} href={link.href} aria-current={pathname.startsWith(link.href) ? "page" : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
