// SPDX-License-Identifier: Apache-2.0
#include "models/platform/board_config.h"

#include <cctype>
#include <stdexcept>

#include "models/cache/cache_geometry.h"
#include "models/common/model_error.h"

namespace sim::models {
namespace {

// Resource caps: what a board may ask the host to hold (issue: inputs that cannot hurt).
constexpr std::uint64_t kMaxCacheBytes = 64ull << 20;
constexpr std::uint64_t kMaxCarveoutBytes = 64ull << 20;

using config::ConfigError;
using config::ConfigNode;

// A count that must fit the model's unsigned fields, checked before any narrowing.
unsigned bounded(const ConfigNode& n, std::uint64_t value, std::uint64_t lo, std::uint64_t hi,
                 const std::string& what) {
  if (value < lo || value > hi)
    n.fail(what + " must be within " + std::to_string(lo) + ".." + std::to_string(hi) + ", got " +
           std::to_string(value));
  return static_cast<unsigned>(value);
}

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
  MemoryBankConfig b;
  b.loc = n.loc();
  b.path = n.path();
  b.memory.name = n.at("name").str();
  b.base = n.at("base").uint();
  b.memory.size = n.at("size").bytes();
  b.memory.read_latency = n.time_or("read_latency", 90 * kPsPerNs);
  b.memory.write_latency = n.time_or("write_latency", 60 * kPsPerNs);
  if (b.memory.size == 0) n.at("size").fail("a memory bank cannot be empty");
  if (b.base + b.memory.size < b.base)
    n.at("size").fail("the bank runs past the end of the 64-bit address space");
  return b;
}

MailboxTerminalConfig parse_terminal(const ConfigNode& n) {
  MailboxTerminalConfig t;
  t.base = n.at("base").uint();
  t.irq_rx = n.at("irq_rx").uint32();
  t.irq_tx = n.at("irq_tx").uint32();
  if (t.irq_rx == t.irq_tx) n.at("irq_tx").fail("must differ from irq_rx");
  return t;
}

MailboxBoardConfig parse_mailbox(const ConfigNode& n) {
  MailboxBoardConfig m;
  m.master = parse_terminal(n.at(side_name(Side::kMaster)));
  m.remote = parse_terminal(n.at(side_name(Side::kRemote)));
  MailboxConfig& c = m.model;
  c.access_latency = n.time_or("access_latency", c.access_latency);
  c.irq_latency = n.time_or("irq_latency", c.irq_latency);
  c.oen_gates_visibility = n.bool_or("oen_gates_visibility", c.oen_gates_visibility);
  c.cmd_index_mode = n.bool_or("cmd_index_mode", c.cmd_index_mode);
  if (auto t = n.get("tx_done"))
    c.tx_done = t->choice<MailboxConfig::TxDoneMode>(
        {{"latched", MailboxConfig::TxDoneMode::kLatched},
         {"combinational", MailboxConfig::TxDoneMode::kCombinational}});
  if (auto t = n.get("threshold"))
    c.threshold = t->choice<MailboxConfig::ThresholdCompare>(
        {{"greater_than", MailboxConfig::ThresholdCompare::kGreaterThan},
         {"at_least", MailboxConfig::ThresholdCompare::kAtLeast}});
  // FIFO depths per direction, bounded by the status count fields (docs/models/mailbox.md).
  if (auto d = n.get("cmd_depth"))
    c.cmd_depth = bounded(*d, d->uint(), 1, c.cmd_index_mode ? 8 : 15,
                          c.cmd_index_mode ? "the command FIFO depth (index mode: a slot a word)"
                                           : "the command FIFO depth (a 4-bit count)");
  if (auto d = n.get("data_depth"))
    c.data_depth = bounded(*d, d->uint(), 1, 65535, "the data FIFO depth (a 16-bit count)");
  return m;
}

CarveoutConfig parse_carveout(const std::string& name, const ConfigNode& n) {
  CarveoutConfig c;
  c.name = name;
  c.loc = n.loc();
  c.path = n.path();
  c.base = n.at("base").uint();
  c.size = n.at("size").bytes();
  if (c.size == 0) n.at("size").fail("a carve-out cannot be empty");
  // The coherency sanitizer shadows every byte (5 bytes of host memory each); RPMsg carve-outs
  // are kilobytes to a few megabytes (512 buffers of 512 B are 256 KiB).
  if (c.size > kMaxCarveoutBytes)
    n.at("size").fail(format_bytes(c.size) + " is more than a simulated carve-out may hold (" +
                      format_bytes(kMaxCarveoutBytes) +
                      "): the sanitizer keeps a shadow of every byte");
  if (auto o = n.get("rsc_offset")) c.rsc_offset = o->uint();
  if (auto s = n.get("rsc_size")) c.rsc_size = s->bytes();
  if (c.rsc_offset.has_value() != c.rsc_size.has_value())
    n.fail("rsc_offset and rsc_size go together (the Linux DT's tcc,rsc-offset / tcc,rsc-size)");
  if (c.rsc_offset && (*c.rsc_offset > c.size || *c.rsc_size > c.size - *c.rsc_offset))
    n.at("rsc_size")
        .fail("rsc_offset " + format_hex(*c.rsc_offset) + " + rsc_size " + format_hex(*c.rsc_size) +
              " runs past the carve-out's size " + format_hex(c.size));
  return c;
}

CacheConfig parse_dcache(const ConfigNode& n, std::uint64_t clock_hz, const std::string& name) {
  CacheConfig c;
  c.name = name;
  c.clock_period_ps = period_ps(clock_hz);
  c.size = n.bytes_or("size", c.size);
  // The model keeps every line's data and shadow state; an A55 cluster's largest cache (the
  // DSU's L3) is 4 MiB.
  if (c.size > kMaxCacheBytes)
    n.at("size").fail(format_bytes(c.size) + " is more than a simulated D-cache may hold (" +
                      format_bytes(kMaxCacheBytes) + ")");
  if (auto w = n.get("ways")) c.ways = bounded(*w, w->uint(), 1, 64, "ways");
  if (auto l = n.get("line")) c.line = bounded(*l, l->bytes(), 4, 4096, "the line size in bytes");
  c.hit_latency = n.latency_or("hit_latency", c.hit_latency);
  if (auto r = n.get("replacement"))
    c.replacement =
        r->choice<CacheConfig::Replacement>({{"lru", CacheConfig::Replacement::kLru},
                                             {"fifo", CacheConfig::Replacement::kFifo},
                                             {"random", CacheConfig::Replacement::kRandom}});
  if (auto w = n.get("write_policy"))
    c.write_policy = w->choice<CacheConfig::WritePolicy>(
        {{"write_back", CacheConfig::WritePolicy::kWriteBack},
         {"write_through", CacheConfig::WritePolicy::kWriteThrough}});
  if (auto e = n.get("eviction"))
    c.eviction =
        e->choice<CacheConfig::Eviction>({{"natural", CacheConfig::Eviction::kNatural},
                                          {"random", CacheConfig::Eviction::kRandom},
                                          {"on_doorbell", CacheConfig::Eviction::kOnDoorbell},
                                          {"never", CacheConfig::Eviction::kNever}});
  c.eviction_rate = n.number_or("eviction_rate", c.eviction_rate);
  c.speculative_fill = n.bool_or("speculative_fill", c.speculative_fill);
  c.speculative_rate = n.number_or("speculative_rate", c.speculative_rate);
  for (const char* key : {"eviction_rate", "speculative_rate"}) {
    if (auto r = n.get(key))
      if (!(r->number() >= 0.0 && r->number() <= 1.0)) // also refuses nan
        r->fail("a probability must be within 0..1");
  }
  // Point at the offending key (it may come from a scenario override, not the board file).
  auto power_of_two = [](std::uint64_t v) { return v != 0 && (v & (v - 1)) == 0; };
  if (!power_of_two(c.size)) n.at("size").fail(format_bytes(c.size) + " is not a power of two");
  if (!power_of_two(c.ways)) n.at("ways").fail(std::to_string(c.ways) + " is not a power of two");
  if (!power_of_two(c.line)) n.at("line").fail(std::to_string(c.line) + " B is not a power of two");
  try {
    CacheGeometry geometry(c.size, c.ways, c.line);
    (void)geometry;
  } catch (const std::invalid_argument& e) {
    n.fail(e.what());
  }
  return c;
}

MmuRegion parse_mmu_region(const ConfigNode& n) {
  MmuRegion r;
  r.name = n.at("name").str();
  r.base = n.at("base").uint();
  r.size = n.at("size").bytes();
  r.attr = n.at("attr").choice<MemAttr>({{"normal_wb", MemAttr::kNormalWb},
                                         {"normal_nc", MemAttr::kNormalNc},
                                         {"device", MemAttr::kDevice}});
  if (r.size == 0) n.at("size").fail("an MMU region cannot be empty");
  return r;
}

OsCosts parse_os(const ConfigNode& n) {
  OsCosts c;
  c.context_switch = n.time_or("context_switch", c.context_switch);
  c.isr_entry = n.time_or("isr_entry", c.isr_entry);
  c.isr_exit = n.time_or("isr_exit", c.isr_exit);
  c.workqueue_latency = n.time_or("workqueue_latency", c.workqueue_latency);
  c.barrier = n.time_or("barrier", c.barrier);
  c.wakeup_preemption = n.bool_or("wakeup_preemption", c.wakeup_preemption);
  return c;
}

ClusterBoardConfig parse_cluster(const std::string& name, const ConfigNode& n) {
  // The name becomes SystemC module names (<name>_gic, <name>_dcache) and report keys.
  if (name.empty() ||
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos ||
      !std::isalpha(static_cast<unsigned char>(name[0])))
    n.fail("a cluster name is lower-case letters, digits and '_', starting with a letter");
  ClusterBoardConfig c;
  c.name = name;
  c.side = side_named(name);
  c.cores = bounded(n.at("cores"), n.at("cores").uint(), 1, 8, "the number of cores");
  c.clock_hz = n.at("clock").hz();
  c.dcache = parse_dcache(n.at("dcache"), c.clock_hz, name + ".dcache");
  if (auto u = n.get("uart")) {
    UartBoardConfig ub;
    ub.base = u->at("base").uint();
    ub.model.name = name + "_uart";
    ub.model.baud = u->uint_or("baud", ub.model.baud);
    if (auto f = u->get("fifo_depth"))
      ub.model.fifo_depth = bounded(*f, f->uint(), 1, 4096, "the FIFO depth");
    if (ub.model.baud == 0) u->at("baud").fail("baud must be above zero");
    c.uart = ub;
  }
  MmuMap check;
  for (const ConfigNode& item : n.at("mmu").items()) {
    MmuRegion r = parse_mmu_region(item);
    try {
      check.add(r);
    } catch (const std::invalid_argument& e) {
      item.fail(e.what());
    }
    c.mmu.push_back(r);
  }
  if (auto os = n.get("os")) c.os = parse_os(*os);
  c.irq_delivery_latency = n.time_or("irq_delivery_latency", c.irq_delivery_latency);
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
  root.require_map();
  BoardConfig b;
  b.name = root.at("name").str();
  b.quantum = root.time_or("quantum", b.quantum);
  if (b.quantum == 0) root.at("quantum").fail("the quantum must be above zero");
  for (const ConfigNode& item : root.at("memory").items()) b.memory.push_back(parse_bank(item));
  if (b.memory.empty()) root.at("memory").fail("at least one memory bank is needed");
  b.mailbox = parse_mailbox(root.at("mailbox"));
  for (const auto& [name, node] : root.at("carveouts").entries())
    b.carveouts.push_back(parse_carveout(name, node));
  ConfigNode clusters = root.at("clusters");
  for (const auto& [name, node] : clusters.entries())
    b.clusters.push_back(parse_cluster(name, node));
  // The two sides' clusters are required; more are hardware of their own.
  for (Side side : kSides) clusters.at(side_name(side));
  validate(b, root);
  return b;
}

} // namespace sim::models
