// SPDX-License-Identifier: Apache-2.0
#include "models/platform/iss_map.h"

#include <algorithm>
#include <stdexcept>

namespace sim::models {
namespace {

constexpr std::uint64_t kPage = 4096;

/// [base, end) minus every carve-out, in pieces.
std::vector<iss::AddressRange> minus_carveouts(const MmuRegion& r,
                                               std::vector<CarveoutConfig> carveouts) {
  std::sort(carveouts.begin(), carveouts.end(),
            [](const CarveoutConfig& a, const CarveoutConfig& b) { return a.base < b.base; });
  std::vector<iss::AddressRange> out;
  std::uint64_t at = r.base;
  for (const CarveoutConfig& c : carveouts) {
    if (c.base + c.size <= at || c.base >= r.end()) continue;
    if (c.base > at) out.push_back({r.name, at, c.base - at});
    at = std::max(at, c.base + c.size);
  }
  if (at < r.end()) out.push_back({r.name, at, r.end() - at});
  return out;
}

} // namespace

iss::FirmwareCpuConfig firmware_cpu_config(const BoardConfig& board, Side side) {
  const ClusterBoardConfig& c = board.cluster(side);
  iss::FirmwareCpuConfig f;
  f.clock_hz = c.clock_hz;
  f.ipc = c.core.ipc;
  f.timer_hz = c.core.timer_hz;
  f.dcache_line = c.dcache.line;
  f.gicd_base = c.core.gicd;
  f.gicr_base = c.core.gicr;
  f.skip_polls = c.core.skip_polls;
  f.probe_port = c.core.probe_port;
  for (const MmuRegion& r : c.mmu) {
    if (r.attr == MemAttr::kDevice) continue;
    for (const iss::AddressRange& piece : minus_carveouts(r, board.carveouts)) {
      if (piece.base % kPage != 0 || piece.size % kPage != 0)
        throw std::invalid_argument("clusters." + c.name + ".mmu: region " + r.name +
                                    " is private RAM of the ISS core from " +
                                    format_hex(piece.base) + " to " + format_hex(piece.end()) +
                                    ", which is not 4 KiB aligned");
      f.ram.push_back(piece);
    }
  }
  for (const CarveoutConfig& co : board.carveouts) f.shared.push_back({co.name, co.base, co.size});
  const MailboxTerminalConfig& terminal = board.mailbox.terminal(side);
  f.devices.push_back({"mailbox", terminal.base, BoardConfig::kMailboxWindow});
  if (c.uart) f.devices.push_back({"uart", c.uart->base, BoardConfig::kUartWindow});
  return f;
}

} // namespace sim::models
