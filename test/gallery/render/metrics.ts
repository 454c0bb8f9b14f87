// How big a surface is, as the issue budgets it: blocks, and characters of text people read.

/** Characters in every text object's `text` (mrkdwn and plain_text), markup included. */
export function textLength(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + textLength(child), 0);
  if (typeof node !== "object" || node === null) return 0;
  const n = node as Record<string, unknown>;
  const own = (n.type === "mrkdwn" || n.type === "plain_text") && typeof n.text === "string" ? n.text.length : 0;
  return own + Object.values(n).reduce((sum: number, value) => sum + (typeof value === "object" ? textLength(value) : 0), 0);
}

export function sizeLine(blocks: readonly unknown[]): string {
  return `${blocks.length} block${blocks.length === 1 ? "" : "s"} · ${textLength(blocks).toLocaleString("en-US")} characters`;
}
