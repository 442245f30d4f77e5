# 问政表决台 Wenzheng in a container. Not built or run on the development machines (no
# Docker there): written to the same layout as the release archive (npm run package), which
# is tested. Build:  docker build -t wenzheng .     Run: see compose.yaml.
# Node: the image defaults to 24 (the LTS in .nvmrc); 20.x is the version tested in CI.
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The same release folder as `npm run package`, without the archive step's extras.
RUN npm run build \
 && node --import tsx scripts/package.ts --out /release \
 && mv "/release/wenzheng-$(node -p 'require("./package.json").version')" /release/app

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /release/app /app
# Data on a volume, owned by the unprivileged user the server runs as.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# node as PID 1 handles SIGTERM itself (server/main.ts closes files and exits).
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
