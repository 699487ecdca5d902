// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/software_config.h"

#include <stdexcept>

#include "sim/scenario/remote_image.h"
#include "sim/scenario/software_keys.h"
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
  const config::KeyReader r(section_keys(Side::kMaster), s);
  MasterSoftware m;
  sw::lnx::LinuxOptions& k = m.kernel;
  k.kernel = r.choice_text("kernel");
  static const config::ConfigValue absent;
  const config::KeyReader mailbox(linux_mailbox_keys(),
                                  r.get("mailbox").value_or(ConfigNode(absent, "mailbox")));
  k.mbox_tx_queue_len = mailbox.small_uint("tx_queue_len");
  k.console = r.boolean("console");
  k.console_loglevel = static_cast<int>(r.small_uint("console_loglevel"));
  k.printk_store_cycles = r.uint("printk_store_cycles");
  k.send_timeout = r.time("send_timeout");
  const std::uint64_t core = r.uint("core");
  const unsigned cores = board.cluster(Side::kMaster).cores;
  if (core >= cores)
    r.node_or_default("core")->fail("the master cluster has " + std::to_string(cores) +
                                    " cores (0.." + std::to_string(cores - 1) + ")");
  k.core = static_cast<unsigned>(core);
  return m;
}

RemoteSoftware parse_remote_software(const ConfigNode& s, const models::BoardConfig& board) {
  const config::KeyReader r(section_keys(Side::kRemote), s);
  RemoteSoftware out;
  sw::zephyr::ZephyrOptions& z = out.image;
  z.zephyr = r.choice_text("zephyr");
  static const config::ConfigValue absent;
  const config::KeyReader openamp(openamp_keys(),
                                  r.get("openamp").value_or(ConfigNode(absent, "openamp")));
  z.release = openamp.choice_text("release");
  z.dcache = openamp.boolean("dcache");
  z.notify_wait = openamp.boolean("notify_wait");
  z.vq_rx_empty_notify = openamp.boolean("vq_rx_empty_notify");
  if (auto features = openamp.get("features")) {
    const config::KeyReader f(*openamp_keys().at("features").keys, *features);
    for (const std::string& key : sw::zephyr::openamp_feature_keys())
      if (f.has(key)) z.openamp_features[key] = f.boolean(key);
  }
  const sw::zephyr::OpenampRelease release =
      sw::zephyr::openamp_release(z.release, z.openamp_features);
  if (z.notify_wait && !release.has(sw::zephyr::Feature::kNotifyWaitCb))
    openamp.at("notify_wait")
        .fail("notify_wait needs OpenAMP v2024.05 or later (release is " + release.name() + ")");
  if (z.vq_rx_empty_notify && !release.has(sw::zephyr::Feature::kRxEmptyNotifyOption))
    openamp.at("vq_rx_empty_notify")
        .fail("the VQ_RX_EMPTY_NOTIFY option exists from OpenAMP v2024.10 (release is " +
              release.name() + ")");
  const std::optional<ConfigNode> table_node = r.get("resource_table");
  const config::KeyReader table(resource_table_keys(),
                                table_node.value_or(ConfigNode(absent, "resource_table")));
  z.rsc_table = table.uint("address");
  z.vring_num = table.small_uint("vring_num");
  if ((z.vring_num & (z.vring_num - 1)) != 0)
    table.at("vring_num").fail("must be a power of two, got " + std::to_string(z.vring_num));
  z.vring_align = table.small_uint("vring_align");
  if ((z.vring_align & (z.vring_align - 1)) != 0)
    table.at("vring_align").fail("must be a power of two, got " + std::to_string(z.vring_align));
  z.vring0 = vring_address(*table.node_or_default("vring0"));
  z.vring1 = vring_address(*table.node_or_default("vring1"));
  z.ram_console = table.boolean("ram_console");
  if (table_node) {
    // The whole image table (larger with the trace entry) is loaded into DRAM before boot.
    const std::string problem = dram_problem(board, z.rsc_table, remote_table_bytes(z).size());
    if (!problem.empty())
      table.get("address")
          .value_or(*table_node)
          .fail("the resource table at " + format_hex(z.rsc_table) + " " + problem);
  }
  z.console = r.boolean("console");
  const config::KeyReader logging(logging_keys(),
                                  r.get("logging").value_or(ConfigNode(absent, "logging")));
  sw::zephyr::LogOptions& log = z.logging;
  using sw::zephyr::logging::Mode;
  log.mode = logging.has("mode") ? logging.choice<Mode>("mode", {{"deferred", Mode::kDeferred},
                                                                 {"immediate", Mode::kImmediate},
                                                                 {"minimal", Mode::kMinimal},
                                                                 {"printk", Mode::kPrintk}})
                                 : sw::zephyr::sample_log_mode(z.zephyr);
  log.level = logging.small_uint("level");
  log.buffer_size = logging.size("buffer_size");
  log.trigger_threshold = logging.small_uint("trigger_threshold");
  log.thread_sleep = logging.time("thread_sleep");
  log.thread_priority = static_cast<int>(logging.small_uint("thread_priority"));
  log.colors = logging.boolean("colors");
  log.package_cycles = logging.uint("package_cycles");
  z.tx_buffer_timeout = r.time("tx_buffer_timeout");
  // The maintenance loops step by the line the core reports (CTR_EL0), i.e. the board's.
  z.dcache_line = static_cast<unsigned>(board.cluster(Side::kRemote).dcache.line);
  return out;
}

} // namespace sim::app
