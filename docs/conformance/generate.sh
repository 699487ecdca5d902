#!/usr/bin/env bash
# Regenerates docs/conformance.md: `ipcsim conform` for every OpenAMP release in three port
# set-ups and under load, its rows and first divergences filled into conformance.md.in. Every run
# is deterministic, so the document is the same on every machine with the firmware built
# (../shared/third_party present).
#   docs/conformance/generate.sh [IPCSIM [OUT_FILE]]   (defaults: build/sim/ipcsim,
#                                                        docs/conformance.md)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ipcsim=$(realpath "${1:-$root/build/sim/ipcsim}")
out=${2:-$root/docs/conformance.md}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

releases=(v2021.10 v2022.04 v2022.10 v2023.04 v2023.10 v2024.05 v2024.10)
pingpong=scenarios/basic/client_sample_3.yaml

# conform TABLE SCENARIO RELEASE [--set ...]: one row into $work/TABLE.rows; the divergences of
# a run that diverges into $work/divergences.
conform() {
  local table=$1 scenario=$2 release=$3
  shift 3
  local dir="$work/$table-$release"
  local rc=0
  "$ipcsim" conform "$scenario" --release "$release" "$@" --out "$dir" --row "$dir.row" \
    > "$dir.txt" || rc=$?
  if [ "$rc" -gt 1 ]; then
    cat "$dir.txt" >&2
    exit "$rc"
  fi
  cat "$dir.row" >> "$work/$table.rows"
  if [ "$rc" -eq 1 ]; then
    {
      echo "**$table, $release** (\`ipcsim conform $scenario --release $release${*:+ $*}\`):"
      echo
      echo '```'
      grep -v '^report\|^conform' "$dir.txt"
      echo '```'
      echo
    } >> "$work/divergences"
  fi
}

for r in "${releases[@]}"; do
  conform board "$pingpong" "$r"
  conform nodcache "$pingpong" "$r" --set remote.openamp.dcache=false
  conform table_nc "$pingpong" "$r" --set 'clusters.remote.mmu[0].attr=normal_nc'
done
conform burst scenarios/load/stream_stock.yaml v2024.05
[ -f "$work/divergences" ] || echo "None." > "$work/divergences"

# conformance.md.in with each `@rows NAME@` and `@divergences@` line replaced.
while IFS= read -r line; do
  case "$line" in
    @rows\ *@) name=${line#@rows }; cat "$work/${name%@}.rows" ;;
    @divergences@) cat "$work/divergences" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$here/conformance.md.in" > "$out"
echo "wrote $out"
