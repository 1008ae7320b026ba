#!/usr/bin/env bash
# System packages the tests need, from Debian: the browser (Debian's chromium,
# never a downloaded one), CJK fonts (else Chinese renders as boxes in
# screenshots) and Java for the Nu HTML Checker. Idempotent: installs only what is missing.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
command -v java >/dev/null || need+=(default-jre-headless)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)  # the redirect map is tested in real nginx
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${need[*]}. Install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
