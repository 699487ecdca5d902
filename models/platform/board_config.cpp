// SPDX-License-Identifier: Apache-2.0
#include "models/platform/board_config.h"

#include <stdexcept>

#include "models/cache/cache_geometry.h"
#include "models/common/model_error.h"
#include "models/platform/board_keys.h"

namespace sim::models {
namespace {

// Resource caps: what a board may ask the host to hold (issue: inputs that cannot hurt).
constexpr std::uint64_t kMaxCacheBytes = 64ull << 20;
constexpr std::uint64_t kMaxCarveoutBytes = 64ull << 20;

using config::ConfigError;
using config::ConfigNode;

/// An absent optional map: read as empty, every key at its default.
const config::ConfigValue kAbsent;

struct Span {
  std::uint64_t base, size;
  std::string what;
  config::SourceLoc loc;
  std::string path;
  std::uint64_t end() const { return base + size; }
};

std::string range_text(std::uint64_t base, std::uint64_t size) {
  return "[" + format_hex(base) + ", " + format_hex(base + size) + ")";
}

MemoryBankConfig parse_bank(const ConfigNode& n) {
  const config::KeyReader r(memory_bank_keys(), n);
  MemoryBankConfig b;
  b.loc = n.loc();
  b.path = n.path();
  b.memory.name = r.text("name");
  b.base = r.uint("base");
  b.memory.size = r.size("size");
  b.memory.read_latency = r.time("read_latency");
  b.memory.write_latency = r.time("write_latency");
  if (b.base + b.memory.size < b.base)
    r.at("size").fail("the bank runs past the end of the 64-bit address space");
  return b;
}

MailboxTerminalConfig parse_terminal(const ConfigNode& n) {
  const config::KeyReader r(mailbox_terminal_keys(), n);
  MailboxTerminalConfig t;
  t.base = r.uint("base");
  t.irq_rx = static_cast<unsigned>(r.uint("irq_rx"));
  t.irq_tx = static_cast<unsigned>(r.uint("irq_tx"));
  if (t.irq_rx == t.irq_tx) r.at("irq_tx").fail("must differ from irq_rx");
  return t;
}

MailboxBoardConfig parse_mailbox(const ConfigNode& n) {
  const config::KeyReader r(mailbox_keys(), n);
  MailboxBoardConfig m;
  m.master = parse_terminal(r.at(side_name(Side::kMaster)));
  m.remote = parse_terminal(r.at(side_name(Side::kRemote)));
  MailboxConfig& c = m.model;
  c.access_latency = r.time("access_latency");
  c.irq_latency = r.time("irq_latency");
  c.oen_gates_visibility = r.boolean("oen_gates_visibility");
  c.cmd_index_mode = r.boolean("cmd_index_mode");
  c.tx_done = r.choice<MailboxConfig::TxDoneMode>(
      "tx_done", {{"latched", MailboxConfig::TxDoneMode::kLatched},
                  {"combinational", MailboxConfig::TxDoneMode::kCombinational}});
  c.threshold = r.choice<MailboxConfig::ThresholdCompare>(
      "threshold", {{"greater_than", MailboxConfig::ThresholdCompare::kGreaterThan},
                    {"at_least", MailboxConfig::ThresholdCompare::kAtLeast}});
  // FIFO depths per direction, bounded by the status count fields (docs/models/mailbox.md).
  c.cmd_depth = r.small_uint("cmd_depth");
  if (c.cmd_index_mode && c.cmd_depth > 8)
    r.at("cmd_depth")
        .fail("index mode addresses 8 slots: the command FIFO depth must be within "
              "1..8, got " +
              std::to_string(c.cmd_depth));
  c.data_depth = r.small_uint("data_depth");
  return m;
}

CarveoutConfig parse_carveout(const std::string& name, const ConfigNode& n) {
  const config::KeyReader r(carveout_keys(), n);
  CarveoutConfig c;
  c.name = name;
  c.loc = n.loc();
  c.path = n.path();
  c.base = r.uint("base");
  c.size = r.size("size");
  // The coherency sanitizer shadows every byte (5 bytes of host memory each); RPMsg carve-outs
  // are kilobytes to a few megabytes (512 buffers of 512 B are 256 KiB).
  if (c.size > kMaxCarveoutBytes)
    r.at("size").fail(format_bytes(c.size) + " is more than a simulated carve-out may hold (" +
                      format_bytes(kMaxCarveoutBytes) +
                      "): the sanitizer keeps a shadow of every byte");
  c.rsc_offset = r.uint_if("rsc_offset");
  c.rsc_size = r.size_if("rsc_size");
  if (c.rsc_offset.has_value() != c.rsc_size.has_value())
    n.fail("rsc_offset and rsc_size go together (the Linux DT's tcc,rsc-offset / tcc,rsc-size)");
  if (c.rsc_offset && (*c.rsc_offset > c.size || *c.rsc_size > c.size - *c.rsc_offset))
    r.at("rsc_size")
        .fail("rsc_offset " + format_hex(*c.rsc_offset) + " + rsc_size " + format_hex(*c.rsc_size) +
              " runs past the carve-out's size " + format_hex(c.size));
  return c;
}

CacheConfig parse_dcache(const ConfigNode& n, std::uint64_t clock_hz, const std::string& name) {
  const config::KeyReader r(dcache_keys(), n);
  CacheConfig c;
  c.name = name;
  c.clock_period_ps = period_ps(clock_hz);
  c.size = r.size("size");
  // The model keeps every line's data and shadow state; an A55 cluster's largest cache (the
  // DSU's L3) is 4 MiB.
  if (c.size > kMaxCacheBytes)
    r.at("size").fail(format_bytes(c.size) + " is more than a simulated D-cache may hold (" +
                      format_bytes(kMaxCacheBytes) + ")");
  c.ways = r.small_uint("ways");
  c.line = static_cast<unsigned>(r.size("line"));
  c.hit_latency = r.latency("hit_latency");
  c.replacement = r.choice<CacheConfig::Replacement>(
      "replacement", {{"lru", CacheConfig::Replacement::kLru},
                      {"fifo", CacheConfig::Replacement::kFifo},
                      {"random", CacheConfig::Replacement::kRandom}});
  c.write_policy = r.choice<CacheConfig::WritePolicy>(
      "write_policy", {{"write_back", CacheConfig::WritePolicy::kWriteBack},
                       {"write_through", CacheConfig::WritePolicy::kWriteThrough}});
  c.eviction = r.choice<CacheConfig::Eviction>("eviction",
                                               {{"natural", CacheConfig::Eviction::kNatural},
                                                {"random", CacheConfig::Eviction::kRandom},
                                                {"on_doorbell", CacheConfig::Eviction::kOnDoorbell},
                                                {"never", CacheConfig::Eviction::kNever}});
  c.eviction_rate = r.number("eviction_rate");
  c.speculative_fill = r.boolean("speculative_fill");
  c.speculative_rate = r.number("speculative_rate");
  // Point at the offending key (it may come from a scenario override, not the board file).
  auto power_of_two = [](std::uint64_t v) { return v != 0 && (v & (v - 1)) == 0; };
  const auto key_or_map = [&](const char* key) { return r.get(key).value_or(n); };
  if (!power_of_two(c.size))
    key_or_map("size").fail(format_bytes(c.size) + " is not a power of two");
  if (!power_of_two(c.ways))
    key_or_map("ways").fail(std::to_string(c.ways) + " is not a power of two");
  if (!power_of_two(c.line))
    key_or_map("line").fail(std::to_string(c.line) + " B is not a power of two");
  try {
    CacheGeometry geometry(c.size, c.ways, c.line);
    (void)geometry;
  } catch (const std::invalid_argument& e) {
    n.fail(e.what());
  }
  return c;
}

MmuRegion parse_mmu_region(const ConfigNode& n) {
  const config::KeyReader r(mmu_region_keys(), n);
  MmuRegion m;
  m.name = r.text("name");
  m.base = r.uint("base");
  m.size = r.size("size");
  m.attr = r.choice<MemAttr>("attr", {{"normal_wb", MemAttr::kNormalWb},
                                      {"normal_nc", MemAttr::kNormalNc},
                                      {"device", MemAttr::kDevice}});
  return m;
}

OsCosts parse_os(const ConfigNode& n) {
  const config::KeyReader r(os_keys(), n);
  OsCosts c;
  c.context_switch = r.time("context_switch");
  c.isr_entry = r.time("isr_entry");
  c.isr_exit = r.time("isr_exit");
  c.workqueue_latency = r.time("workqueue_latency");
  c.barrier = r.time("barrier");
  c.wakeup_preemption = r.boolean("wakeup_preemption");
  return c;
}

UartBoardConfig parse_uart(const ConfigNode& n, const std::string& cluster) {
  const config::KeyReader r(uart_keys(), n);
  UartBoardConfig u;
  u.base = r.uint("base");
  u.model.name = cluster + "_uart";
  u.model.baud = r.uint("baud");
  u.model.fifo_depth = r.small_uint("fifo_depth");
  return u;
}

CoreBoardConfig parse_core(const ConfigNode& n, const std::optional<Side>& side) {
  const config::KeyReader r(core_keys(), n);
  CoreBoardConfig c;
  c.model =
      r.choice<CoreModel>("model", {{"modelled", CoreModel::kModelled}, {"iss", CoreModel::kIss}});
  if (c.model == CoreModel::kIss && side != Side::kRemote)
    r.at("model").fail("an ISS core runs the remote's firmware only (the master is Linux, "
                       "modelled)");
  c.ipc = r.number("ipc");
  if (!(c.ipc > 0 && c.ipc <= 4))
    r.at("ipc").fail("instructions per cycle must be above 0 and at most 4, got " +
                     r.at("ipc").str());
  c.timer_hz = r.frequency("timer");
  c.skip_polls = r.boolean("skip_polls");
  if (c.timer_hz == 0 || c.timer_hz > 1000000000)
    r.at("timer").fail("the generic timer runs at 1 Hz to 1 GHz");
  if (auto g = r.get("gic")) {
    const config::KeyReader gic(gic_keys(), *g);
    c.gicd = gic.uint("distributor");
    c.gicr = gic.uint("redistributor");
    for (const char* key : {"distributor", "redistributor"})
      if (gic.uint(key) % 0x10000 != 0) gic.at(key).fail("a GIC frame is 64 KiB aligned");
  }
  c.probe_port = r.uint("probe_port");
  if (c.probe_port % 0x1000 != 0 || c.probe_port > 0xffffffffffff0000ull)
    r.at("probe_port").fail("the probe port is a 4 KiB page: a 4 KiB aligned address (0: none)");
  return c;
}

ClusterBoardConfig parse_cluster(const std::string& name, const ConfigNode& n) {
  const config::KeyReader r(cluster_keys(), n);
  ClusterBoardConfig c;
  c.name = name;
  // The clusters named after the two sides play them (the name is the board's, checked by the
  // declared pattern: lower-case letters, digits and '_').
  c.side = side_named(name);
  c.cores = r.small_uint("cores");
  c.clock_hz = r.frequency("clock");
  c.dcache = parse_dcache(r.at("dcache"), c.clock_hz, name + ".dcache");
  if (auto u = r.get("uart")) c.uart = parse_uart(*u, name);
  MmuMap check;
  for (const ConfigNode& item : r.items("mmu")) {
    MmuRegion m = parse_mmu_region(item);
    try {
      check.add(m);
    } catch (const std::invalid_argument& e) {
      item.fail(e.what());
    }
    c.mmu.push_back(m);
  }
  c.os = parse_os(r.get("os").value_or(ConfigNode(kAbsent, n.path() + ".os")));
  c.irq_delivery_latency = r.time("irq_delivery_latency");
  c.core = parse_core(r.get("core").value_or(ConfigNode(kAbsent, n.path() + ".core")), c.side);
  return c;
}

void check_no_overlap(const std::vector<Span>& spans) {
  for (std::size_t i = 0; i < spans.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const Span& a = spans[i];
      const Span& b = spans[j];
      if (a.base < b.end() && b.base < a.end())
        throw ConfigError(a.loc, a.path,
                          a.what + " " + range_text(a.base, a.size) + " overlaps " + b.what + " " +
                              range_text(b.base, b.size) + " (" + b.loc.str() + ")");
    }
  }
}

const MemoryBankConfig* bank_holding(const BoardConfig& b, std::uint64_t base, std::uint64_t size) {
  for (const MemoryBankConfig& m : b.memory)
    if (base >= m.base && base - m.base < m.memory.size && size <= m.memory.size - (base - m.base))
      return &m;
  return nullptr;
}

void validate(const BoardConfig& b, const ConfigNode& root) {
  std::vector<ConfigNode> banks = root.at("memory").items();
  for (std::size_t i = 0; i < b.memory.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (b.memory[i].memory.name == b.memory[j].memory.name)
        banks[i].at("name").fail("memory bank name '" + b.memory[i].memory.name +
                                 "' is already used by " + b.memory[j].path);
  // The system address map: DRAM banks and device windows must not overlap.
  std::vector<Span> system;
  for (const MemoryBankConfig& m : b.memory)
    system.push_back({m.base, m.memory.size, "memory bank " + m.memory.name, m.loc, m.path});
  ConfigNode mbox = root.at("mailbox");
  for (Side side : kSides) {
    const ConfigNode t = mbox.at(side_name(side));
    system.push_back({b.mailbox.terminal(side).base, BoardConfig::kMailboxWindow,
                      std::string(side_name(side)) + " mailbox terminal", t.loc(), t.path()});
  }
  for (const ClusterBoardConfig& c : b.clusters) {
    if (!c.uart) continue;
    ConfigNode u = root.at("clusters").at(c.name).at("uart");
    system.push_back({c.uart->base, BoardConfig::kUartWindow, c.name + " UART", u.loc(), u.path()});
  }
  check_no_overlap(system);

  std::vector<Span> carve;
  for (const CarveoutConfig& c : b.carveouts) {
    if (bank_holding(b, c.base, c.size) == nullptr)
      throw ConfigError(c.loc, c.path,
                        "carve-out " + range_text(c.base, c.size) +
                            " is not inside any memory bank");
    carve.push_back({c.base, c.size, "carve-out " + c.name, c.loc, c.path});
  }
  check_no_overlap(carve);

  for (const ClusterBoardConfig& c : b.clusters) {
    std::vector<ConfigNode> items = root.at("clusters").at(c.name).at("mmu").items();
    for (std::size_t i = 0; i < c.mmu.size(); ++i) {
      const MmuRegion& r = c.mmu[i];
      if (r.attr != MemAttr::kDevice && bank_holding(b, r.base, r.size) == nullptr)
        items[i].fail("MMU region " + r.name + " " + range_text(r.base, r.size) +
                      " maps memory that is not inside any memory bank");
      // The platform maps the cluster's own mailbox terminal and UART as device memory.
      std::vector<std::pair<std::uint64_t, std::uint64_t>> own;
      if (c.side) own.emplace_back(b.mailbox.terminal(*c.side).base, BoardConfig::kMailboxWindow);
      if (c.uart) own.emplace_back(c.uart->base, BoardConfig::kUartWindow);
      for (const auto& [base, size] : own)
        if (r.base < base + size && base < r.end())
          items[i].fail("MMU region " + r.name + " " + range_text(r.base, r.size) +
                        " overlaps the cluster's own device window " + range_text(base, size) +
                        ", which the platform maps as device memory");
    }
  }
}

} // namespace

const CarveoutConfig* BoardConfig::carveout(const std::string& carve_name) const {
  for (const CarveoutConfig& c : carveouts)
    if (c.name == carve_name) return &c;
  return nullptr;
}

namespace {

template <typename Board> auto& cluster_playing(Board& board, Side side) {
  for (auto& c : board.clusters)
    if (c.side == side) return c;
  // parse_board requires both; a hand-built BoardConfig without one is a bug.
  throw ModelError(std::string("the board has no ") + side_name(side) + " cluster");
}

} // namespace

const ClusterBoardConfig& BoardConfig::cluster(Side side) const {
  return cluster_playing(*this, side);
}

ClusterBoardConfig& BoardConfig::cluster(Side side) {
  return cluster_playing(*this, side);
}

BoardConfig parse_board(const ConfigNode& root) {
  return parse_board(root, board_keys());
}

BoardConfig parse_board(const ConfigNode& root, const config::KeySet& keys) {
  const config::KeyReader r(keys, root);
  BoardConfig b;
  b.name = r.text("name");
  b.quantum = r.time("quantum");
  for (const ConfigNode& item : r.items("memory")) b.memory.push_back(parse_bank(item));
  if (b.memory.empty()) r.at("memory").fail("at least one memory bank is needed");
  b.mailbox = parse_mailbox(r.at("mailbox"));
  for (const auto& [name, node] : r.named("carveouts"))
    b.carveouts.push_back(parse_carveout(name, node));
  for (const auto& [name, node] : r.named("clusters"))
    b.clusters.push_back(parse_cluster(name, node));
  // The two sides' clusters are required; more are hardware of their own.
  for (Side side : kSides) r.at("clusters").at(side_name(side));
  validate(b, root);
  return b;
}

} // namespace sim::models
