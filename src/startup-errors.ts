/** One line a person can act on for the usual reasons start-up fails; a stack trace only for the unexpected. */
export function describeStartupError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code === "EADDRINUSE" || /EADDRINUSE/.test(message)) {
    return "Baton could not start: the port is already in use. Set PORT to a free port, or stop the other process.";
  }
  if (/ECONNREFUSED|ENOTFOUND|password authentication|does not exist|P1001|Can't reach database/i.test(message)) {
    return `Baton could not start: cannot reach the database (${firstLine(message)}). Check DATABASE_URL and that the server is running.`;
  }
  if (/SQLITE_CANTOPEN|unable to open database|EACCES/i.test(message)) {
    return `Baton could not start: cannot open the SQLite file (${firstLine(message)}). Check DATABASE_URL and that the folder is writable.`;
  }
  if (/migrate deploy failed/.test(message) || (error instanceof Error && error.name === "SlackTokenError")) {
    return `Baton could not start: ${message}`;
  }
  return `Baton could not start: ${error instanceof Error ? (error.stack ?? message) : message}`;
}

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? "").replace(/postgres(ql)?:\/\/[^\s@]+@/g, "postgresql://***@").slice(0, 200);
}
