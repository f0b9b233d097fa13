#!/usr/bin/env bash
# Installs the Debian 12 packages Gongshi builds, tests and runs with.
# Idempotent and silent when everything is already present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates curl sqlite3 openssl
  libsqlite3-dev nlohmann-json3-dev libsimdjson-dev libicu-dev libgtest-dev libgmock-dev libbenchmark-dev
  libspdlog-dev libcli11-dev libtomlplusplus-dev
  libcurl4-openssl-dev libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev
  libimgui-dev libglfw3-dev libstb-dev libfontconfig-dev fonts-noto-cjk
  libqrencode-dev libsodium-dev libsystemd-dev dpkg-dev
  librime-dev rime-prelude rime-essay rime-data-luna-pinyin libopencc-data
  libzinnia-dev tegaki-zinnia-simplified-chinese
  xvfb xauth libgl1-mesa-dri faketime
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >/dev/null
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
