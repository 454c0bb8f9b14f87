# syntax=docker/dockerfile:1
# Baton's image: build with the full toolchain, run on a slim Node 20 as the unprivileged `node` user.
# The runtime keeps prisma/ (schemas, migrations), prisma.config.ts with the two files it imports, and the Prisma
# CLI (a production dependency): Baton applies pending migrations itself when it starts.
ARG NODE_VERSION=20.20.2

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# Only used if better-sqlite3 has no prebuilt binary for this platform and must compile.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json ./
COPY src ./src
# postinstall generates both Prisma clients (SQLite and PostgreSQL) into src/db/generated.
RUN npm ci --no-audit --no-fund
RUN npm run build && npm prune --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    LOG_FORMAT=json \
    PORT=3000 \
    DATABASE_URL=file:/app/data/baton.db
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/prisma ./prisma
COPY --from=build --chown=root:root /app/prisma.config.ts ./
COPY --from=build --chown=root:root /app/src/db/migration-adapter.ts /app/src/db/target.ts ./src/db/
# The only writable place: the SQLite file when no PostgreSQL is configured (mount a volume here).
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
