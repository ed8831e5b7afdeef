FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# The workspaces' manifests, which npm ci reads with the lock file.
COPY packages/client/package.json packages/client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run build:web
ENV PORT=8080
EXPOSE 8080
# Publishes the fixtures, then the catalog (the order of scripts/demo.sh; idempotent), then serves.
CMD ["sh", "-c", "node dist/src/cli/main.js ingest fixtures/descriptors/*.json --take-over && node dist/src/cli/main.js import-catalog fixtures/catalog/opendata-paris-catalog.json && exec node --max-old-space-size=1024 --max-semi-space-size=8 --initial-old-space-size=64 --interrupt-budget=16384 dist/src/cli/main.js serve"]
