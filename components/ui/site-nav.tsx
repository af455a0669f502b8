"use client";

import { usePathname } from "next/navigation";
import { useSignedIn } from "@/components/account/signed-in-store";
import { IntentLink } from "./intent-link";

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
        <IntentLink key={link.href} href={link.href} aria-current={pathname.startsWith(link.href) ? "page" : undefined}>
          {link.label}
        </IntentLink>
      ))}
    </nav>
  );
}
