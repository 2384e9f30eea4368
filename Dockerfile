# syntax=docker/dockerfile:1
# casefile's production image: Node 24 LTS (slim), production dependencies only (`npm ci --omit=dev`), a non-root
# user, `casefile serve` by default (`worker`, `doctor`, `investigate`, … as the command), a health check on /healthz.
# Build: docker build -t casefile .   Run the stack: docker compose up -d (see compose.yaml and the README, "Deploy").

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- dependencies: better-sqlite3 is native; the toolchain is here in case no prebuilt binary can be fetched.
FROM ${NODE_IMAGE} AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- runtime: sources + production node_modules, nothing else.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    CASEFILE_HOST=0.0.0.0 \
    CASEFILE_PORT=8080 \
    CASEFILE_DATA_DIR=/var/lib/casefile
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root . .
RUN mkdir -p /var/lib/casefile && chown node:node /var/lib/casefile
# The image's `node` user (uid 1000): the code is read-only to it, only the data dir is writable.
USER node
VOLUME ["/var/lib/casefile"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.CASEFILE_PORT || 8080}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/casefile.mjs"]
CMD ["serve"]
