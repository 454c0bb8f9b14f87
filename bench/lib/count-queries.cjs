// Preloaded into Baton by the --tenants bench (node --require): counts the statements Baton sends to its
// database, below Prisma (better-sqlite3's prepared statements, pg's Client#query), and writes the running total
// to BENCH_QUERY_COUNT_FILE every half second. Nothing of Baton's own code changes.
const fs = require("node:fs");

const file = process.env.BENCH_QUERY_COUNT_FILE;
let count = 0;
if (file) {
  try {
    const Database = require("better-sqlite3");
    const prepare = Database.prototype.prepare;
    Database.prototype.prepare = function (...args) {
      const statement = prepare.apply(this, args);
      for (const method of ["run", "get", "all", "iterate"]) {
        const original = statement[method];
        if (typeof original !== "function") continue;
        statement[method] = function (...params) {
          count += 1;
          return original.apply(this, params);
        };
      }
      return statement;
    };
  } catch {
    // not installed: nothing to count on that side
  }
  try {
    const pg = require("pg");
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (...args) {
      count += 1;
      return query.apply(this, args);
    };
  } catch {
    // not installed
  }
  // Written aside and renamed, so a reader never sees a half-written number.
  setInterval(() => {
    fs.writeFileSync(`${file}.tmp`, String(count));
    fs.renameSync(`${file}.tmp`, file);
  }, 500).unref();
}
