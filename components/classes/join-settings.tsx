"use client";
import { useSyncExternalStore } from "react";
import { joinPath } from "@/lib/domain/classes";
import type { ClassSettings } from "@/lib/http/contracts";
import { ClassActionButton } from "./class-action-button";

const neverChanges = () => () => {};

/**
 * The class's join link, code and switches. The link is made absolute with the origin the instructor is
 * using, read in the browser: the server knows no public origin of its own (no setting names one, and a
 * Host header is the client's word), and the server's render shows the path until hydration fills it in.
 */
export function JoinSettings({ settings }: { settings: ClassSettings }) {
  const origin = useSyncExternalStore(
    neverChanges,
    () => window.location.origin,
    () => "",
  );
  const url = `/api/classes/${settings.id}`;
  return (
    <div className="join-settings">
      <div className="field">
        <label htmlFor="join-link">Join link</label>
        <input
          id="join-link"
          readOnly
          value={`${origin}${joinPath(settings.joinCode)}`}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <p>
        Code: <code className="join-code">{settings.joinCode}</code>{" "}
        {settings.joinOpen ? "(joining is open)" : "(joining is closed: the code admits nobody new)"}
      </p>
      <p className="button-row">
        <ClassActionButton
          url={url}
          method="PATCH"
          body={{ rotateCode: true }}
          confirm="The current code and link stop working at once."
        >
          New code
        </ClassActionButton>
        <ClassActionButton url={url} method="PATCH" body={{ joinOpen: !settings.joinOpen }}>
          {settings.joinOpen ? "Close joining" : "Open joining"}
        </ClassActionButton>
      </p>
    </div>
  );
}
