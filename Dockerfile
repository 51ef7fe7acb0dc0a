# akios in a container: build on Debian 12, run on Debian 12 slim as a non-root user, no ports.
FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential pkg-config \
    libyaml-dev libjansson-dev libcurl4-openssl-dev libssl-dev libseccomp-dev libpcre2-dev \
    $(case "$(dpkg --print-architecture)" in amd64) echo libhyperscan-dev;; esac)
COPY . /src
RUN make -C /src -j"$(nproc)" akios && make -C /src install PREFIX=/usr/local DESTDIR=/out
FROM debian:bookworm-slim
# libcurl is loaded on first network use (LLM providers, http agent); the rest is linked in.
RUN apt-get update && apt-get install -y --no-install-recommends libcurl4 ca-certificates \
    && rm -rf /var/lib/apt/lists/* && useradd --uid 10001 --user-group --create-home akios
COPY --from=build /out/usr/local /usr/local
USER 10001:10001
WORKDIR /home/akios
ENTRYPOINT ["akios"]
CMD ["--help"]
