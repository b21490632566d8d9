#!/usr/bin/env bash
# setup.sh - Gradescope runs this once, as root, on its Ubuntu 22.04 base
# image, with the autograder zip unpacked in /autograder/source: install the
# packages the kit needs and build its common objects once.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends make gcc libc6-dev binutils nasm \
        qemu-system-x86 gdb jq gnuplot-nox coreutils ca-certificates curl

# bats: the harness needs 1.4 or newer (BATS_TEST_TMPDIR), and the helper
# libraries bats-support and bats-assert. Ubuntu 22.04 has bats 1.2 and
# neither library: where the archive lacks one, take Debian 12's packages
# (shell scripts, architecture all), checked against their SHA-256.
debs=()
# debian_deb FILE SHA256: Debian 12's package FILE, downloaded and checked
# (from archive.debian.org once Debian 12 has moved there)
debian_deb() {
        local pkg=${1%%_*} mirror
        for mirror in deb.debian.org archive.debian.org; do
                curl -fsSL -o "/tmp/$1" "http://$mirror/debian/pool/main/b/$pkg/$1" && break
        done
        echo "$2  /tmp/$1" | sha256sum -c --quiet
        debs+=("/tmp/$1")
}
# available PACKAGE [MIN]: the archive has PACKAGE (version MIN or newer)
available() {
        local v
        v=$(apt-cache policy "$1" | sed -n 's/^ *Candidate: //p')
        [ -n "$v" ] && [ "$v" != "(none)" ] &&
                { [ -z "${2:-}" ] || dpkg --compare-versions "$v" ge "$2"; }
}
if available bats 1.4 && available bats-support && available bats-assert; then
        apt-get install -y -q --no-install-recommends bats bats-support bats-assert
else
        debian_deb bats_1.8.2-1_all.deb 9dc9e0421a621dae0878378a79deba0450b07aabd41be26e960add5aebc616a6
        debian_deb bats-support_0.3.0-3_all.deb 652f9e1115c25ea595d44600c3a88fb8bc9e478b2f4a52e7636ee10e6bde37e6
        debian_deb bats-assert_2.1.0-2_all.deb 41d8c90c5e715fde8adc4a1e5d73a75f88bc9c20caf45e96ff1e85a0d59c486a
        dpkg -i "${debs[@]}"
fi

cd "$(dirname "$0")"
make build
