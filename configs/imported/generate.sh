#!/usr/bin/env bash
# Regenerates the boards in configs/imported/ with `ipcsim import` from the reference port's
# fixtures (tests/fixtures/tcc807x): the DTs as they are, the firmware compiled here by the
# aarch64 cross compiler, and two broken variants that scenarios/config/ simulate.
#   configs/imported/generate.sh [IPCSIM [OUT_DIR]]   (defaults: build/sim/ipcsim, configs/imported)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
ipcsim=$(realpath "${1:-$root/build/sim/ipcsim}")
out=$(mkdir -p "${2:-$root/configs/imported}" && cd "${2:-$root/configs/imported}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" # the boards' headers name the artefacts relative to the repository

fixtures=tests/fixtures/tcc807x
firmware() { # NAME [gcc options...]
  local name=$1
  shift
  aarch64-linux-gnu-gcc -O2 -nostdlib -ffreestanding -static -fno-pic -no-pie \
    -T $fixtures/firmware.ld -Wl,--section-start=.resource_table=0x200c63b8 "$@" \
    $fixtures/firmware.c -o "$work/$name.elf"
}
import() { # BOARD LINUX_DTS FIRMWARE: a broken artefact makes validation fail (exit 1): expected
  local board=$1 linux=$2 elf=$3 rc=0
  "$ipcsim" import --base configs/tcc807x.yaml --dts "$linux" --dts $fixtures/zephyr.dts \
    --elf "$work/$elf.elf" -o "$out/$board.yaml" --name "$board" > "$work/$board.log" || rc=$?
  [ $rc -le 1 ] || { cat "$work/$board.log"; exit $rc; }
  # The firmware was built in a temporary directory: name its source instead.
  sed -i "s|$work/$elf.elf|$fixtures/firmware.c built as $elf.elf|" "$out/$board.yaml"
  echo "$board: $(tail -1 "$work/$board.log")"
}

firmware reference
firmware vring1_unmapped -DNO_VRING1_REGION
import tcc807x_fixture $fixtures/linux.dts reference
import tcc807x_fixture_rsc_offset $fixtures/broken/linux_rsc_offset.dts reference
import tcc807x_fixture_vring1_unmapped $fixtures/linux.dts vring1_unmapped
