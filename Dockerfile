# Digest: build with the .NET SDK, run on the smaller ASP.NET runtime image as the non-root `app` user.
#   docker build -t digest .
#   docker run -d --name digest -p 8080:8080 -v digest-data:/data digest

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore in its own layer: it is only redone when a project or package version changes, not on every code edit.
COPY Digest.sln Directory.Build.props Directory.Packages.props global.json .editorconfig ./
COPY src/Digest.Core/Digest.Core.csproj src/Digest.Core/
COPY src/Digest.Web/Digest.Web.csproj src/Digest.Web/
RUN dotnet restore src/Digest.Web/Digest.Web.csproj
COPY src/ src/
ARG VERSION=0.1.0
# ONNX Runtime (semantic search) ships native libraries for every platform, about 260 MB of Windows, macOS, iOS and
# Android ones: the image runs on Linux only (x64 or arm64), so only those are kept.
RUN dotnet publish src/Digest.Web/Digest.Web.csproj --no-restore -c Release -o /app -p:Version=$VERSION -p:UseAppHost=false \
 && find /app/runtimes -mindepth 1 -maxdepth 1 ! -name 'linux-*' -exec rm -rf {} +

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG VERSION=0.1.0
# Set these when publishing the image: where the code lives and under which licence.
ARG SOURCE_URL=https://github.com/OWNER/digest
ARG LICENSES=MIT
LABEL org.opencontainers.image.title="Digest" \
      org.opencontainers.image.description="Self-hosted digest of research papers: ingest, search and daily fresh papers from Hugging Face and arXiv" \
      org.opencontainers.image.source="$SOURCE_URL" \
      org.opencontainers.image.licenses="$LICENSES" \
      org.opencontainers.image.version="$VERSION"

WORKDIR /app
COPY --from=build /app ./
COPY docker/digest /usr/local/bin/digest
# The base image may start as root (the official one does) or as app (a stand-in); both end as app below.
USER root
RUN chmod 0755 /usr/local/bin/digest && mkdir -p /data && chown app:app /data
USER app

# All state (store, index, inbox, backups) lives in /data: mount a volume there.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Digest__DataDirectory=/data \
    DOTNET_NOLOGO=1
VOLUME /data
EXPOSE 8080

# No curl or wget in the base image: the app checks itself (GET /readyz, exit 0 or 1).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "/app/Digest.Web.dll", "healthcheck"]

# SIGTERM (docker stop) stops the app gracefully within 30 s; give docker stop at least that (compose: stop_grace_period).
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/Digest.Web.dll"]
