# The NewsBot bot host. Build: docker build -t newsbot .   (docker compose up builds it too)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/NewsBot -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV Urls=http://0.0.0.0:3978 \
    NEWSBOT_VectorStore__DataDirectory=/data
VOLUME /data
EXPOSE 3978
ENTRYPOINT ["dotnet", "NewsBot.dll"]
