// SPDX-License-Identifier: Apache-2.0
#include "models/platform/board_config.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace sim::models {
namespace {

using config::ConfigEntry;
using config::ConfigError;
using config::ConfigNode;
using config::ConfigValue;

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kBoardPath = std::string(IPCSIM_CONFIGS_DIR) + "/tcc807x.yaml";

// Parses the reference board with one textual substitution applied.
BoardConfig parse_with(const std::string& from, const std::string& to,
                       ConfigValue* keep = nullptr) {
  std::string text = read_file(kBoardPath);
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "fixture text not found: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  ConfigValue doc = config::load_string(text, "board.yaml");
  BoardConfig b = parse_board(ConfigNode(doc, ""));
  // `software:` belongs to sim/ (software_config), which has its own tests; every other key is
  // the board model's to read.
  auto& top = doc.map;
  top.erase(std::remove_if(top.begin(), top.end(),
                           [](const ConfigEntry& e) { return e.key == "software"; }),
            top.end());
  config::check_all_used(doc);
  if (keep != nullptr) *keep = doc;
  return b;
}

ConfigError error_for(const std::string& from, const std::string& to) {
  try {
    parse_with(from, to);
  } catch (const ConfigError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for " << to;
  return ConfigError({}, "", "");
}

TEST(BoardConfig, ReferenceBoardHasThePortsAddressesAndAttributes) {
  BoardConfig b = parse_with("name: tcc807x", "name: tcc807x");
  EXPECT_EQ(b.mailbox.remote.base, 0x17460000u);
  EXPECT_EQ(b.mailbox.remote.irq_rx, 240u);
  EXPECT_EQ(b.mailbox.master.base, 0x17470000u);
  EXPECT_EQ(b.mailbox.master.irq_tx, 243u);
  const CarveoutConfig* rsc = b.carveout("rsc_table");
  ASSERT_NE(rsc, nullptr);
  EXPECT_EQ(rsc->base + *rsc->rsc_offset, 0x200c63b8u);
  EXPECT_EQ(b.carveout("vdev0vring0")->base, 0x200c8000u);
  EXPECT_EQ(b.carveout("vdev0vring1")->base, 0x200c9000u);
  EXPECT_EQ(b.carveout("vdev0buffer")->size, 0x4000u);
  EXPECT_EQ(b.cluster(Side::kMaster).mmu.at(0).attr, MemAttr::kNormalNc);
  for (const MmuRegion& r : b.cluster(Side::kRemote).mmu)
    EXPECT_EQ(r.attr, MemAttr::kNormalWb) << r.name;
  EXPECT_EQ(b.cluster(Side::kMaster).cores, 2u);
  EXPECT_EQ(b.cluster(Side::kRemote).dcache.line, 64u);
  EXPECT_EQ(b.quantum, kPsPerUs);
}

TEST(BoardConfig, TypoedKeyIsReportedWithLineAndPath) {
  try {
    parse_with("ways: 4, line: 64B, hit_latency: 4cycles, replacement: lru,\n              "
               "eviction: natural, speculative_fill: false }\n    uart: { base: 0x16600000",
               "wayz: 4, line: 64B, hit_latency: 4cycles, replacement: lru,\n              "
               "eviction: natural, speculative_fill: false }\n    uart: { base: 0x16600000");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.path(), "clusters.remote.dcache.wayz");
    EXPECT_GT(e.loc().line, 40);
    EXPECT_NE(std::string(e.what()).find("did you mean 'ways'"), std::string::npos);
  }
}

TEST(BoardConfig, OverlappingCarveoutsAreAnError) {
  ConfigError e = error_for("vdev0vring1: { base: 0x200c9000", "vdev0vring1: { base: 0x200c8800");
  EXPECT_EQ(e.path(), "carveouts.vdev0vring1");
  EXPECT_NE(std::string(e.what()).find("overlaps carve-out vdev0vring0"), std::string::npos);
}

TEST(BoardConfig, CarveoutOutsideMemoryIsAnError) {
  ConfigError e = error_for("vdev0buffer: { base: 0x200ca000", "vdev0buffer: { base: 0x100ca000");
  EXPECT_EQ(e.path(), "carveouts.vdev0buffer");
  EXPECT_NE(std::string(e.what()).find("not inside any memory bank"), std::string::npos);
}

TEST(BoardConfig, OverlappingMmuRegionsAreAnError) {
  ConfigError e =
      error_for("name: VRING1,      base: 0x200c9000", "name: VRING1,      base: 0x200c8800");
  EXPECT_EQ(e.path(), "clusters.remote.mmu[2]");
  EXPECT_NE(std::string(e.what()).find("overlaps VRING0"), std::string::npos);
}

TEST(BoardConfig, MailboxOverlappingMemoryIsAnError) {
  ConfigError e = error_for("master: { base: 0x17470000", "master: { base: 0x20001000");
  EXPECT_NE(std::string(e.what()).find("overlaps memory bank ddr_main"), std::string::npos);
}

TEST(BoardConfig, BadUnitNamesTheKey) {
  ConfigError e = error_for("clock: 1.5GHz                         # TCC8070 MP",
                            "clock: 1.5Gz                          # TCC8070 MP");
  EXPECT_EQ(e.path(), "clusters.remote.clock");
  EXPECT_NE(std::string(e.what()).find("is not a frequency"), std::string::npos);
}

TEST(BoardConfig, NonPowerOfTwoCacheSizeNamesTheSizeKey) {
  ConfigError e = error_for(
      "dcache: { size: 32KiB, ways: 4, line: 64B, hit_latency: 4cycles, replacement: lru,\n        "
      "      eviction: natural, speculative_fill: false }\n    uart: { base: 0x16600000",
      "dcache: { size: 48KiB, ways: 4, line: 64B, hit_latency: 4cycles, replacement: lru,\n        "
      "      eviction: natural, speculative_fill: false }\n    uart: { base: 0x16600000");
  EXPECT_EQ(e.path(), "clusters.remote.dcache.size");
}

TEST(BoardConfig, ResourceTableWindowMustFitItsCarveout) {
  ConfigError e = error_for("rsc_offset: 0x3b8", "rsc_offset: 0x13b8");
  EXPECT_EQ(e.path(), "carveouts.rsc_table.rsc_size");
}

TEST(BoardConfig, UnknownEvictionModeListsTheChoices) {
  ConfigError e =
      error_for("eviction: natural, speculative_fill: false }\n    uart: { base: 0x16600000",
                "eviction: sometimes, speculative_fill: false }\n    uart: { base: 0x16600000");
  EXPECT_NE(std::string(e.what()).find("natural, random, on_doorbell, never"), std::string::npos);
}

TEST(BoardConfig, MmuRegionOverTheClustersOwnMailboxIsAnError) {
  ConfigError e =
      error_for("- { name: rpmsg_shm, base: 0x200c6000, size: 0x8000, attr: normal_nc }",
                "- { name: rpmsg_shm, base: 0x200c6000, size: 0x8000, attr: normal_nc }\n"
                "      - { name: mbox, base: 0x17470000, size: 0x1000, attr: device }");
  EXPECT_EQ(e.path(), "clusters.master.mmu[1]");
  EXPECT_NE(std::string(e.what()).find("own device window"), std::string::npos);
}

TEST(BoardConfig, DuplicateMemoryBankNameIsAnError) {
  ConfigError e = error_for("read_latency: 90ns, write_latency: 60ns }",
                            "read_latency: 90ns, write_latency: 60ns }\n"
                            "  - { name: ddr_main, base: 0x100000000, size: 1GiB }");
  EXPECT_EQ(e.path(), "memory[1].name");
}

TEST(BoardConfig, BankWrappingTheAddressSpaceIsAnError) {
  ConfigError e = error_for("read_latency: 90ns, write_latency: 60ns }",
                            "read_latency: 90ns, write_latency: 60ns }\n"
                            "  - { name: high, base: 0xffffffffffff0000, size: 1GiB }");
  EXPECT_EQ(e.path(), "memory[1].size");
}

TEST(BoardConfig, HugeCoreCountIsRejectedNotTruncated) {
  ConfigError e = error_for("cores: 2", "cores: 4294967297");
  EXPECT_EQ(e.path(), "clusters.master.cores");
  EXPECT_NE(std::string(e.what()).find("within 1..8"), std::string::npos);
}

TEST(BoardConfig, MailboxFifoDepthsAreSettableWithinTheirCountFields) {
  const BoardConfig b =
      parse_with("  irq_latency: 20ns", "  irq_latency: 20ns\n  cmd_depth: 4\n  data_depth: 16");
  EXPECT_EQ(b.mailbox.model.cmd_depth, 4u);
  EXPECT_EQ(b.mailbox.model.data_depth, 16u);
  ConfigError e = error_for("  irq_latency: 20ns", "  irq_latency: 20ns\n  cmd_depth: 16");
  EXPECT_EQ(e.path(), "mailbox.cmd_depth");
  EXPECT_NE(std::string(e.what()).find("within 1..15"), std::string::npos);
  e = error_for("  irq_latency: 20ns", "  irq_latency: 20ns\n  data_depth: 0");
  EXPECT_EQ(e.path(), "mailbox.data_depth");
}

TEST(BoardConfig, CachesAndCarveoutsAreBoundedByWhatTheHostCanHold) {
  ConfigError e = error_for("size: 32KiB, ways: 4", "size: 32GiB, ways: 4");
  EXPECT_EQ(e.path(), "clusters.master.dcache.size");
  EXPECT_NE(std::string(e.what()).find("more than a simulated D-cache may hold"),
            std::string::npos);
  e = error_for("vdev0buffer: { base: 0x200ca000, size: 0x4000 }",
                "vdev0buffer: { base: 0x200ca000, size: 1GiB }");
  EXPECT_EQ(e.path(), "carveouts.vdev0buffer.size");
}

TEST(BoardConfig, HugeLineSizeIsRejectedNotTruncated) {
  // The first dcache in the file is the master's.
  ConfigError e = error_for("line: 64B", "line: 8GiB");
  EXPECT_EQ(e.path(), "clusters.master.dcache.line");
}

constexpr const char* kSensorCluster =
    R"(  sensor:                                 # hardware only: no side, no mailbox
    cores: 1
    clock: 800MHz
    dcache: { size: 16KiB, ways: 4, line: 64B }
    mmu:
      - { name: shm, base: 0x200c6000, size: 0x8000, attr: normal_nc }
  remote:                                 # Zephyr)";

TEST(BoardConfig, AThirdClusterIsConfigurationPlayingNoSide) {
  BoardConfig b = parse_with("  remote:                                 # Zephyr", kSensorCluster);
  ASSERT_EQ(b.clusters.size(), 3u);
  EXPECT_EQ(b.clusters[0].name, "master");
  EXPECT_EQ(b.clusters[0].side, Side::kMaster);
  EXPECT_EQ(b.clusters[1].name, "sensor");
  EXPECT_FALSE(b.clusters[1].side.has_value());
  EXPECT_EQ(b.clusters[1].clock_hz, 800000000u);
  EXPECT_EQ(b.clusters[2].side, Side::kRemote);
  EXPECT_EQ(&b.cluster(Side::kRemote), &b.clusters[2]);
  EXPECT_EQ(b.cluster(Side::kRemote).dcache.name, "remote.dcache");
}

TEST(BoardConfig, BothSidesClustersAreRequiredAndNamesAreIdentifiers) {
  const ConfigError missing = error_for("  remote:                                 # Zephyr",
                                        "  remot:                                  # Zephyr");
  EXPECT_EQ(missing.path(), "clusters") << missing.what();
  EXPECT_NE(std::string(missing.what()).find("missing required key 'remote'"), std::string::npos)
      << missing.what();
  const ConfigError name = error_for("  master:                                 # Linux",
                                     "  Master-1:                               # Linux");
  EXPECT_NE(std::string(name.what())
                .find("'Master-1' is not a name here: clusters are named by ^[a-z][a-z0-9_]*$"),
            std::string::npos)
      << name.what();
}

TEST(BoardConfig, TheDeclaredDefaultsAreTheConfigStructsOwn) {
  const ConfigValue doc = config::load_string(R"(
name: minimal
memory: [ { name: ddr, base: 0x20000000, size: 16MiB } ]
mailbox:
  master: { base: 0x17470000, irq_rx: 242, irq_tx: 243 }
  remote: { base: 0x17460000, irq_rx: 240, irq_tx: 241 }
carveouts: { shm: { base: 0x20100000, size: 0x8000 } }
clusters:
  master: { cores: 1, clock: 1GHz, dcache: {}, mmu: [], uart: { base: 0x16640000 } }
  remote: { cores: 1, clock: 1GHz, dcache: , mmu: [] }
)",
                                              "minimal.yaml");
  const BoardConfig b = parse_board(ConfigNode(doc, ""));
  EXPECT_EQ(b.quantum, BoardConfig{}.quantum);
  const MailboxConfig m;
  EXPECT_EQ(b.mailbox.model.access_latency, m.access_latency);
  EXPECT_EQ(b.mailbox.model.irq_latency, m.irq_latency);
  EXPECT_EQ(b.mailbox.model.oen_gates_visibility, m.oen_gates_visibility);
  EXPECT_EQ(b.mailbox.model.cmd_index_mode, m.cmd_index_mode);
  EXPECT_EQ(b.mailbox.model.tx_done, m.tx_done);
  EXPECT_EQ(b.mailbox.model.threshold, m.threshold);
  EXPECT_EQ(b.mailbox.model.cmd_depth, m.cmd_depth);
  EXPECT_EQ(b.mailbox.model.data_depth, m.data_depth);
  for (const ClusterBoardConfig& c : b.clusters) {
    const CacheConfig d;
    EXPECT_EQ(c.dcache.size, d.size);
    EXPECT_EQ(c.dcache.ways, d.ways);
    EXPECT_EQ(c.dcache.line, d.line);
    EXPECT_EQ(c.dcache.hit_latency.cycles, d.hit_latency.cycles);
    EXPECT_EQ(c.dcache.hit_latency.in_cycles, d.hit_latency.in_cycles);
    EXPECT_EQ(c.dcache.replacement, d.replacement);
    EXPECT_EQ(c.dcache.write_policy, d.write_policy);
    EXPECT_EQ(c.dcache.eviction, d.eviction);
    EXPECT_EQ(c.dcache.eviction_rate, d.eviction_rate);
    EXPECT_EQ(c.dcache.speculative_fill, d.speculative_fill);
    EXPECT_EQ(c.dcache.speculative_rate, d.speculative_rate);
    const OsCosts o;
    EXPECT_EQ(c.os.context_switch, o.context_switch);
    EXPECT_EQ(c.os.isr_entry, o.isr_entry);
    EXPECT_EQ(c.os.isr_exit, o.isr_exit);
    EXPECT_EQ(c.os.workqueue_latency, o.workqueue_latency);
    EXPECT_EQ(c.os.barrier, o.barrier);
    EXPECT_EQ(c.os.wakeup_preemption, o.wakeup_preemption);
    EXPECT_EQ(c.irq_delivery_latency, ClusterBoardConfig{}.irq_delivery_latency);
  }
  ASSERT_TRUE(b.cluster(Side::kMaster).uart.has_value());
  EXPECT_EQ(b.cluster(Side::kMaster).uart->model.baud, UartConfig{}.baud);
  EXPECT_EQ(b.cluster(Side::kMaster).uart->model.fifo_depth, UartConfig{}.fifo_depth);
  EXPECT_FALSE(b.cluster(Side::kRemote).uart.has_value());
}

TEST(BoardConfig, AKeyNotDeclaredIsRefusedAtEveryLevelWithTheNearestDeclaredOne) {
  const ConfigError top = error_for("name: tcc807x", "name: tcc807x\nquantums: 1us");
  EXPECT_EQ(top.path(), "quantums");
  EXPECT_NE(std::string(top.what()).find("did you mean 'quantum'"), std::string::npos)
      << top.what();
  const ConfigError deep = error_for("  irq_latency: 20ns", "  irq_latenzy: 20ns");
  EXPECT_EQ(deep.path(), "mailbox.irq_latenzy");
  EXPECT_NE(std::string(deep.what()).find("did you mean 'irq_latency'"), std::string::npos)
      << deep.what();
}

} // namespace
} // namespace sim::models
