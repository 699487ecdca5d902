// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/remote_firmware.h"

#include <stdexcept>

#include "models/platform/iss_map.h"

namespace sim::app {
namespace {

std::string span(std::uint64_t base, std::uint64_t size) {
  return "[" + format_hex(base) + ", " + format_hex(base + size) + ")";
}

bool overlaps(std::uint64_t a, std::uint64_t a_size, std::uint64_t b, std::uint64_t b_size) {
  return a < b + b_size && b < a + a_size;
}

} // namespace

std::shared_ptr<const artefacts::FirmwareImage>
load_remote_firmware(const config::ConfigNode& at, const std::string& file,
                     const models::BoardConfig& board) {
  auto image = std::make_shared<artefacts::FirmwareImage>();
  try {
    *image = artefacts::load_firmware(file);
  } catch (const std::exception& e) {
    at.fail(std::string("cannot use ") + file + " as the remote's firmware: " + e.what());
  }
  models::iss::FirmwareCpuConfig map;
  try {
    map = models::firmware_cpu_config(board, Side::kRemote);
  } catch (const std::invalid_argument& e) {
    at.fail(e.what());
  }
  std::string where = "the ISS core's private RAM";
  for (const auto& r : map.ram) where += " " + span(r.base, r.size);
  where += " and the carve-outs";
  for (const auto& r : map.shared) where += " " + span(r.base, r.size);
  for (const artefacts::ElfSegment& s : image->segments) {
    if (s.size == 0) continue;
    bool inside = false;
    for (const auto* ranges : {&map.ram, &map.shared})
      for (const auto& r : *ranges)
        inside = inside || (s.address >= r.base && s.size <= r.end() - s.address &&
                            s.address - r.base <= r.size);
    if (!inside)
      at.fail(file + ": the segment " + span(s.address, s.size) +
              " does not fit in one region the core has: " + where);
  }
  if (image->entry == 0 && image->segments.empty())
    at.fail(file + ": no loadable segment and no entry point");
  const models::CoreBoardConfig& core = board.cluster(Side::kRemote).core;
  for (const auto& [name, base, size] : {std::tuple<const char*, std::uint64_t, std::uint64_t>{
                                             "gic.distributor", core.gicd, 0x10000},
                                         {"gic.redistributor", core.gicr, 0x20000},
                                         {"probe_port", core.probe_port, 0x1000}}) {
    if (base == 0) continue;
    for (const auto* ranges : {&map.ram, &map.shared, &map.devices})
      for (const auto& r : *ranges)
        if (overlaps(base, size, r.base, r.size))
          at.fail("clusters.remote.core." + std::string(name) + " " + span(base, size) +
                  " overlaps " + r.name + " " + span(r.base, r.size));
  }
  if (core.probe_port != 0 && core.gicd != 0 &&
      (overlaps(core.probe_port, 0x1000, core.gicd, 0x10000) ||
       overlaps(core.probe_port, 0x1000, core.gicr, 0x20000)))
    at.fail("clusters.remote.core.probe_port " + span(core.probe_port, 0x1000) +
            " overlaps the GIC");
  return image;
}

} // namespace sim::app
