/**
 * The order a deck is practised in, for a signed-in user: what is due first (most overdue first), then
 * what they have never seen (in deck order), then the rest, soonest due first. Pure.
 */
export function orderForPractice(questionIds: string[], dueById: ReadonlyMap<string, Date>, now: Date): string[] {
  const position = new Map(questionIds.map((id, index) => [id, index]));
  const rank = (id: string) => {
    const due = dueById.get(id);
    if (!due) return 1;
    return due.getTime() <= now.getTime() ? 0 : 2;
  };
  return [...questionIds].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    const dueA = dueById.get(a)?.getTime();
    const dueB = dueById.get(b)?.getTime();
    if (dueA !== undefined && dueB !== undefined && dueA !== dueB) return dueA - dueB;
    return position.get(a)! - position.get(b)!;
  });
}
