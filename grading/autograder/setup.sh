#!/usr/bin/env bash
# setup.sh - Gradescope runs this once, as root, on its Ubuntu 22.04 base
# image, with the autograder zip unpacked in /autograder/source: install the
# packages the kit needs and build its common objects once.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends make gcc libc6-dev binutils nasm \
        qemu-system-x86 gdb bats bats-support bats-assert jq gnuplot-nox coreutils ca-certificates curl

# The harness needs bats 1.4 or newer (BATS_TEST_TMPDIR); Ubuntu 22.04 has
# 1.2: take Debian 12's (a shell script, architecture all) instead
version=$(bats --version | sed -n 's/^Bats \([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
set -- $version
if [ "${1:-0}" -lt 1 ] || { [ "$1" -eq 1 ] && [ "${2:-0}" -lt 4 ]; }; then
        curl -fsSL -o /tmp/bats.deb http://deb.debian.org/debian/pool/main/b/bats/bats_1.8.2-1_all.deb
        dpkg -i /tmp/bats.deb
fi

cd "$(dirname "$0")"
make build
