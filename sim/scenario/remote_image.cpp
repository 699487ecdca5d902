// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/remote_image.h"

#include <stdexcept>

#include "models/common/units.h"
#include "sw/shm/resource_table_image.h"

namespace sim::app {

std::vector<std::uint8_t> remote_table_bytes(const sw::zephyr::ZephyrOptions& o) {
  sw::shm::ZephyrTableParams p;
  p.vring_num = o.vring_num;
  p.vring_align = o.vring_align;
  p.vring0_da = static_cast<std::uint32_t>(o.vring0);
  p.vring1_da = static_cast<std::uint32_t>(o.vring1);
  if (o.ram_console) {
    // The RAM console buffer lives in the image; its address is not known from the reference
    // port, so it is placed just below the table (inferred, only its presence matters here).
    sw::shm::ZephyrTableParams::Trace trace;
    trace.da = static_cast<std::uint32_t>(o.rsc_table - 0x400);
    trace.len = 0x400;
    p.trace = trace;
  }
  return sw::shm::ResourceTableImage::zephyr(p).bytes();
}

void load_into_dram(models::Platform& platform, std::uint64_t addr,
                    const std::vector<std::uint8_t>& bytes) {
  const models::BoardConfig& b = platform.board();
  for (std::size_t i = 0; i < b.memory.size(); ++i) {
    const models::MemoryBankConfig& bank = b.memory[i];
    if (addr >= bank.base && addr - bank.base + bytes.size() <= bank.memory.size) {
      platform.memory(i).load_bytes(addr - bank.base, bytes.data(), bytes.size());
      return;
    }
  }
  throw std::invalid_argument("no memory bank holds " + format_hex(addr));
}

} // namespace sim::app
