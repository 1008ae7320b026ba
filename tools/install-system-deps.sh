#!/usr/bin/env bash
# System packages the tests need, from Debian: the browser (Debian's chromium,
# never a downloaded one), CJK fonts (else Chinese renders as boxes in
# screenshots), Java for the Nu HTML Checker, and what a mirror runs: nginx
# (with the brotli_static module) and rsync, tested for real.
# Idempotent: installs only what is missing.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
command -v java >/dev/null || need+=(default-jre-headless)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)  # redirect map, mirror serving: tested in real nginx
dpkg -s libnginx-mod-http-brotli-static >/dev/null 2>&1 || need+=(libnginx-mod-http-brotli-static)
command -v rsync >/dev/null || need+=(rsync)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${need[*]}. Install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
# apt may be busy for a minute (another install on the machine): retry.
for attempt in 1 2 3 4 5 6; do
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" && exit 0
  echo "apt-get failed (attempt $attempt), retrying in 20 s" >&2
  sleep 20
done
exit 1
