#!/bin/sh
# Installs Debian's chromium and chromium-driver when they are absent (CI machines start fresh).
# Exit status is the test's: non-zero means the browser test fails, it never skips.
set -eu
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  SUDO="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver
test -x /usr/bin/chromium
test -x /usr/bin/chromedriver
