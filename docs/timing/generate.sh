#!/usr/bin/env bash
# Regenerates the figures and tables of docs/timing-100-vs-3.md with `ipcsim sweep`: one CSV per
# sweep (a row per run), and an SVG plot with its data (.dat) and gnuplot script (.gp) for those
# drawn. Every run is deterministic; only the wall_ms column changes between regenerations.
#   docs/timing/generate.sh [IPCSIM [OUT_DIR]]    (defaults: build/sim/ipcsim, docs/timing)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
ipcsim=$(realpath "${1:-$root/build/sim/ipcsim}")
out=$(mkdir -p "${2:-$root/docs/timing}" && cd "${2:-$root/docs/timing}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$out" # plots and their .dat/.gp refer to each other by relative names

rounds='master.apps[0].rpmsg_client_sample.count'
count='master.apps[0].stream.count'
counts=1,2,3,5,10,20,30,50,75,100,150,200
s="$root/scenarios"
# vring_num 32 needs a 32 KiB buffer pool (2 x 32 x 512 B): the carve-out and both MMU maps grow.
big_pool=(--set carveouts.vdev0buffer.size=0x8000 --set 'clusters.remote.mmu[3].size=0x8000'
          --set 'clusters.master.mmu[0].size=0xc000'
          --set 'master.apps[0].stream.echo_timeout=2s') # the queued responder's last echoes

sweep() {
  local name=$1
  shift
  "$ipcsim" sweep "$@" -j 2 --out "$work/$name" --csv "$name.csv" > "$work/$name.log"
  echo "$name: $(grep -c . "$name.csv") lines"
}

# 1. Ping-pong (Linux's rpmsg_client_sample) against the stock and the queued responder.
sweep pingpong_stock "$s/basic/client_sample_100.yaml" --param "$rounds=1,2,3,5,10,20,50,100,101,150,200" \
  --plot pingpong_stock.svg --metrics delivered,in_flight
sweep pingpong_queued "$s/load/pingpong_queued.yaml" --param "$rounds=1,2,3,5,10,20,50,100,101,150,200" \
  --plot pingpong_queued.svg --metrics delivered,in_flight
# 2. Back to back, console on and off, against both responders.
sweep burst_stock "$s/load/stream_stock.yaml" --param "$count=$counts" --param remote.console=true,false \
  --plot burst_stock.svg --metrics dropped
sweep burst_queued "$s/load/stream_queued.yaml" --param "$count=$counts" --param remote.console=true,false \
  --plot burst_queued.svg --metrics dropped
# The 100-message burst into the stock responder: Linux's sender on CPU0 (interrupted by its own
# mailbox interrupts) or CPU1, Zephyr 3.7's sample (deferred log) or 3.6's (printk).
sweep burst_sender "$s/load/stream_stock.yaml" --param 'master.apps[0].stream.core=0,1' \
  --param 'remote.zephyr="3.7","3.6"'
# 3. The remote's UART speed and clock, 100 back to back into the stock responder.
sweep baud_stock "$s/load/stream_stock.yaml" \
  --param clusters.remote.uart.baud=9600,38400,115200,230400,460800,921600,3000000 \
  --plot baud_stock.svg --metrics dropped,remote_busy_percent --logx
sweep clock_stock "$s/load/stream_stock.yaml" \
  --param clusters.remote.clock=100MHz,200MHz,400MHz,800MHz,1500MHz \
  --plot clock_stock.svg --metrics dropped
# 4. Ring size and alignment (buffer pool grown for 32), both responders.
sweep vring_stock "$s/load/stream_stock.yaml" "${big_pool[@]}" \
  --param remote.resource_table.vring_num=8,16,32 --param remote.resource_table.vring_align=16,64
sweep vring_queued "$s/load/stream_queued.yaml" "${big_pool[@]}" \
  --param remote.resource_table.vring_num=8,16,32 --param remote.resource_table.vring_align=16,64
# 5. Kick scheme: one kick per drained batch (up to v2023.10) or per returned buffer (v2024.05 on).
sweep kicks_stock "$s/load/stream_stock.yaml" --param remote.openamp.release=v2023.10,v2024.05
sweep kicks_queued "$s/load/stream_queued.yaml" --param remote.openamp.release=v2023.10,v2024.05
sweep kicks_pingpong "$s/basic/client_sample_100.yaml" --param remote.openamp.release=v2023.10,v2024.05
# 6. The remote's log in ping-pong (Zephyr 3.7's deferred logging): count, Linux's console level
# (7 prints "incoming msg", 4 is `quiet`), the sample's log level (3 INF, 4 DBG), the log buffer,
# both UARTs and the logging mode.
sweep logging_pingpong "$s/basic/client_sample_100.yaml" --param "$rounds=3,100" \
  --param master.console_loglevel=7,4 --param remote.logging.level=3,4
sweep logging_buffer "$s/basic/client_sample_100.yaml" \
  --param remote.logging.buffer_size=512,1024,2048,4096,8192,16384,32768 \
  --param master.console_loglevel=7,4 --plot logging_buffer.svg --metrics log_dropped --logx
sweep logging_remote_baud "$s/basic/client_sample_100.yaml" \
  --param clusters.remote.uart.baud=9600,38400,115200,230400,460800,921600,3000000 \
  --param master.console_loglevel=7,4 --plot logging_remote_baud.svg --metrics log_dropped --logx
sweep logging_master_baud "$s/basic/client_sample_100.yaml" \
  --param clusters.master.uart.baud=38400,115200,230400,460800,921600,3000000 \
  --plot logging_master_baud.svg --metrics log_dropped --logx
sweep logging_modes "$s/basic/client_sample_100.yaml" \
  --param remote.logging.mode=deferred,immediate,minimal,printk --param "$rounds=3,100"
