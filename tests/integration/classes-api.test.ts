import { describe, expect, it } from "vitest";
import { CALLERS, classTestbed, type Who } from "@/tests/support/class-testbed";
import { testDatabaseKind } from "@/tests/support/fresh-database";

/**
 * The classes API's authorization matrix (issue 15): every route by every kind of caller, each call on a
 * classroom of its own, and a refused call leaves every class, membership and assignment as it was.
 */
const { api, id, classroom, classRows, shared } = await classTestbed();

type Room = Awaited<ReturnType<typeof classroom>>;
/** Each call gets a classroom of its own, made before the rows are compared. */
const MATRIX: Record<string, { call: (who: Who, room: Room) => Promise<Response>; expected: number[] }> = {
  "POST /api/classes": { call: (who) => api.create(who), expected: [401, 403, 403, 201, 201, 201] },
  // The member is in already; the owner cannot join their own class.
  "POST /api/classes/join": {
    call: (who, room) => api.join(who, room.joinCode),
    expected: [401, 200, 200, 409, 200, 200],
  },
  "PATCH /api/classes/:id": {
    call: (who, room) => api.patch(who, room.classId, { joinOpen: false, rotateCode: true }),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "DELETE /api/classes/:id": {
    call: (who, room) => api.remove(who, room.classId),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "POST /api/classes/:id/assignments": {
    call: (who, room) => api.assign(who, room.classId, { deckId: shared().deckId, dueDate: "2030-01-01T00:00:00Z" }),
    expected: [401, 404, 403, 201, 404, 201],
  },
  "DELETE /api/classes/:id/assignments/:deckId": {
    call: (who, room) => api.unassign(who, room.classId, shared().deckId),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "GET /api/classes/:id/assignments/:deckId/statistics": {
    call: (who, room) => api.statistics(who, room.classId, shared().deckId),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "GET /api/classes/:id/progress": {
    call: (who, room) => api.progress(who, room.classId),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "GET /api/classes/:id/progress/export": {
    call: (who, room) => api.csv(who, room.classId),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "POST /api/classes/:id/leave": {
    call: (who, room) => api.leave(who, room.classId),
    expected: [401, 404, 200, 404, 404, 404],
  },
  "DELETE /api/classes/:id/members/:userId": {
    call: (who, room) => api.kick(who, room.classId, id("member")),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "GET /api/classes": { call: (who) => api.list(who), expected: [401, 200, 200, 200, 200, 200] },
  "GET /api/me/assignments": { call: (who) => api.mine(who), expected: [401, 200, 200, 200, 200, 200] },
};

describe(`classes: authorization matrix against ${testDatabaseKind()}`, () => {
  for (const [action, { call: run, expected }] of Object.entries(MATRIX)) {
    it(`${action}: ${expected.join(" / ")}`, async () => {
      const statuses: number[] = [];
      for (const who of CALLERS) {
        const room = await classroom();
        const before = await classRows();
        const reply = await run(who, room);
        statuses.push(reply.status);
        if (reply.status >= 400) {
          expect(await reply.json()).toHaveProperty("error");
          expect(await classRows(), `${who} was refused but a class changed`).toEqual(before);
        }
      }
      expect(statuses).toEqual(expected);
    });
  }
});
