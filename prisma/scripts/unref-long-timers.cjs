// Preloaded into `prisma migrate deploy` (node -r). Prisma 6.19's WASM schema engine arms a 10 s timer on
// PostgreSQL (its migration-lock timeout) and never clears it, so the CLI lingers 10 s after finishing.
// Unref'ing long timers lets the process exit once its real work (sockets, queries) is done; a lock wait
// still keeps the process alive through its open database socket.
const setTimeoutOriginal = globalThis.setTimeout;
globalThis.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = setTimeoutOriginal(callback, ms, ...args);
  if (Number(ms) >= 5000 && typeof timer?.unref === "function") timer.unref();
  return timer;
};
