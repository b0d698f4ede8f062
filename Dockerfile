# The NewsBot bot host. Build: docker build -t newsbot .   (docker compose up builds it too)
# The container listens on all its interfaces, so NewsBot starts only with Bot Framework credentials
# (MicrosoftAppId, MicrosoftAppPassword) or with NEWSBOT_Bot__AllowAnonymousRemote=true, which lets anyone who
# reaches the port use the bot unauthenticated (see README, "Safe by default").
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/NewsBot -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown "$APP_UID" /data
ENV Urls=http://0.0.0.0:3978 \
    NEWSBOT_VectorStore__DataDirectory=/data
VOLUME /data
EXPOSE 3978
# The image's unprivileged user, not root.
USER $APP_UID
ENTRYPOINT ["dotnet", "NewsBot.dll"]
