# Image for the provhunt API and workers (docker-compose.yml runs both from it).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY workers ./workers
# npm ci runs `prepare`, which compiles TypeScript; dev dependencies are dropped afterwards.
RUN npm ci --include=dev && npm prune --omit=dev
COPY schema ./schema
COPY cypher ./cypher
COPY docs/samples ./docs/samples
USER node
CMD ["node", "dist/src/cli/main.js", "api"]
