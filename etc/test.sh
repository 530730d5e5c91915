#!/usr/bin/env bash
# The README's test command: makes sure headless Chromium is there for payment-view's browser tests (Debian's
# chromium and chromium-driver packages, installed when missing and this runs as root with apt), then runs the build.
# Where they cannot be installed the browser tests fail with a message saying how to install them; they never skip.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "etc/test.sh: installing chromium and chromium-driver for the console's browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  else
    echo "etc/test.sh: chromium/chromedriver missing and not installable here (needs root and apt):" \
         "run 'apt-get install -y chromium chromium-driver' as root; the browser tests will fail until then" >&2
  fi
fi
exec ./mvnw -B verify "$@"
