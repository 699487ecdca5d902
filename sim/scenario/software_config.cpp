// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/software_config.h"

#include <stdexcept>

#include "sim/scenario/remote_image.h"
#include "sw/zephyr/openamp_release.h"

namespace sim::app {
namespace {

using config::ConfigNode;

// `any` (FW_RSC_ADDR_ANY: allocated by the master) or an address.
std::uint64_t vring_address(const ConfigNode& n) {
  if (n.is_scalar() && n.str() == "any") return 0xffffffffu;
  std::uint64_t v = n.uint();
  if (v > 0xffffffffu) n.fail("a vring device address is 32 bits in the resource table");
  return v;
}

// Empty when [addr, addr + len) lies in one memory bank; otherwise what is wrong with it.
std::string dram_problem(const models::BoardConfig& b, std::uint64_t addr, std::uint64_t len) {
  for (const models::MemoryBankConfig& m : b.memory) {
    if (addr < m.base || addr - m.base >= m.memory.size) continue;
    if (len <= m.memory.size - (addr - m.base)) return "";
    return "runs past the end of memory bank " + m.memory.name;
  }
  return "is not inside any memory bank";
}

} // namespace

MasterSoftware parse_master_software(const ConfigNode& s, const models::BoardConfig& board) {
  MasterSoftware m;
  sw::lnx::LinuxOptions& k = m.kernel;
  if (auto kernel = s.get("kernel")) {
    k.kernel = kernel->str();
    if (k.kernel != "5.10")
      kernel->fail("kernel '" + k.kernel + "' is not modelled (supported: 5.10)");
  }
  if (auto mbox = s.get("mailbox")) {
    if (auto q = mbox->get("tx_queue_len")) {
      std::uint64_t len = q->uint();
      if (len == 0 || len > 1024) q->fail("tx_queue_len must be within 1..1024");
      k.mbox_tx_queue_len = static_cast<unsigned>(len);
    }
  }
  k.console = s.bool_or("console", k.console);
  if (auto level = s.get("console_loglevel")) {
    std::uint64_t v = level->uint();
    if (v > 8) level->fail("console_loglevel must be within 0..8 (7: KERN_INFO and more urgent)");
    k.console_loglevel = static_cast<int>(v);
  }
  k.send_timeout = s.time_or("send_timeout", k.send_timeout);
  if (auto core = s.get("core")) {
    const std::uint64_t v = core->uint();
    if (v >= board.cluster(Side::kMaster).cores)
      core->fail("the master cluster has " + std::to_string(board.cluster(Side::kMaster).cores) +
                 " cores (0.." + std::to_string(board.cluster(Side::kMaster).cores - 1) + ")");
    k.core = static_cast<unsigned>(v);
  }
  return m;
}

RemoteSoftware parse_remote_software(const ConfigNode& s, const models::BoardConfig& board) {
  RemoteSoftware r;
  sw::zephyr::ZephyrOptions& z = r.image;
  if (auto version = s.get("zephyr")) {
    z.zephyr = version->str();
    if (z.zephyr != "3.7" && z.zephyr != "3.3")
      version->fail("Zephyr '" + z.zephyr + "' is not modelled (supported: 3.7, 3.3)");
  }
  if (auto openamp = s.get("openamp")) {
    if (auto release = openamp->get("release")) {
      z.release = release->str();
      try {
        sw::zephyr::openamp_release(z.release);
      } catch (const std::invalid_argument&) {
        release->fail("OpenAMP release '" + z.release +
                      "' is not modelled (modelled: " + sw::zephyr::openamp_release_names() + ")");
      }
    }
    z.dcache = openamp->bool_or("dcache", z.dcache);
    if (auto wait = openamp->get("notify_wait")) {
      z.notify_wait = wait->boolean();
      if (z.notify_wait && !sw::zephyr::openamp_release(z.release).notify_wait_cb)
        wait->fail("notify_wait needs OpenAMP v2024.05 or later (release is " + z.release + ")");
    }
  }
  if (auto t = s.get("resource_table")) {
    z.rsc_table = t->uint_or("address", z.rsc_table);
    if (auto n = t->get("vring_num")) {
      std::uint64_t num = n->uint();
      if (num == 0 || num > 256 || (num & (num - 1)) != 0)
        n->fail("vring_num must be a power of two within 1..256");
      z.vring_num = static_cast<unsigned>(num);
    }
    if (auto a = t->get("vring_align")) {
      std::uint64_t align = a->uint();
      if (align == 0 || align > 0x10000 || (align & (align - 1)) != 0)
        a->fail("vring_align must be a power of two within 1..65536");
      z.vring_align = static_cast<unsigned>(align);
    }
    if (auto v = t->get("vring0")) z.vring0 = vring_address(*v);
    if (auto v = t->get("vring1")) z.vring1 = vring_address(*v);
    z.ram_console = t->bool_or("ram_console", z.ram_console);
    // The whole image table (larger with the trace entry) is loaded into DRAM before boot.
    const std::string problem = dram_problem(board, z.rsc_table, remote_table_bytes(z).size());
    if (!problem.empty()) {
      ConfigNode where = t->get("address") ? t->at("address") : *t;
      where.fail("the resource table at " + format_hex(z.rsc_table) + " " + problem);
    }
  }
  z.console = s.bool_or("console", z.console);
  z.tx_buffer_timeout = s.time_or("tx_buffer_timeout", z.tx_buffer_timeout);
  // The maintenance loops step by the line the core reports (CTR_EL0), i.e. the board's.
  z.dcache_line = static_cast<unsigned>(board.cluster(Side::kRemote).dcache.line);
  return r;
}

} // namespace sim::app
