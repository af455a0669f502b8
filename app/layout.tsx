import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/account/account-menu";
import { SearchLauncher } from "@/components/search/search-launcher";
import { IntentLink } from "@/components/ui/intent-link";
import { SiteNav } from "@/components/ui/site-nav";
import { themeBootScript } from "@/components/ui/theme-boot-script";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { searchIndexUrl } from "@/lib/content/glossary-store";
// The stylesheet by area, in cascade order: later files may refine what base.css sets.
import "./styles/base.css";
import "./styles/glossary.css";
import "./styles/accounts.css";
import "./styles/practice.css";
import "./styles/progress.css";
import "./styles/authoring.css";
import "./styles/class-membership.css";
import "./styles/classes.css";

export const metadata: Metadata = {
  title: { default: "mlprep: prepare for ML engineering interviews", template: "%s · mlprep" },
  description:
    "A glossary of machine-learning terms with fast, typo-tolerant search, and practice for ML engineering interviews.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1218" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Applies a chosen theme before first paint, so a dark-mode reader never sees a white flash. */}
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <IntentLink className="brand" href="/">
              ml<span>prep</span>
            </IntentLink>
            <SiteNav />
            <SearchLauncher indexUrl={searchIndexUrl()} />
            <AccountMenu />
            <ThemeToggle />
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>mlprep: definitions written for ML engineering interview preparation.</p>
        </footer>
      </body>
    </html>
  );
}
