// SPDX-License-Identifier: Apache-2.0
#pragma once
// The typed board description (configs/<board>.yaml, DESIGN §6): DRAM banks, the mailbox link,
// the RPMsg carve-outs both OSes agree on, and per cluster the cores, D-cache, UART, MMU
// attributes and OS costs. Parsing is strict (unknown keys and bad units are errors with file:line
// and key path) and validation rejects overlapping or out-of-memory regions before anything is
// built. The `software` section is kept as a tree for the software layer to read.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/cache/cache_config.h"
#include "models/common/config/config_node.h"
#include "models/common/config/keys.h"
#include "models/cpu/mmu_map.h"
#include "models/cpu/os_costs.h"
#include "models/mailbox/mailbox_config.h"
#include "models/memory/memory_config.h"
#include "models/uart/uart_config.h"
#include "sw/hal/side.h"

namespace sim::models {

struct MemoryBankConfig {
  MemoryConfig memory;
  std::uint64_t base = 0;
  config::SourceLoc loc;
  std::string path;
};

struct CarveoutConfig {
  std::string name;
  std::uint64_t base = 0;
  std::uint64_t size = 0;
  /// Only for the resource-table window: where the table sits inside it (Linux DT rsc-offset).
  std::optional<std::uint64_t> rsc_offset;
  std::optional<std::uint64_t> rsc_size;
  config::SourceLoc loc;
  std::string path;
};

struct MailboxTerminalConfig {
  std::uint64_t base = 0;
  unsigned irq_rx = 0;
  unsigned irq_tx = 0;
};

/// The TCC mailbox has two terminals, one per side: the master's (SP, terminal B) and the
/// remote's (MP, terminal A).
struct MailboxBoardConfig {
  MailboxTerminalConfig master;
  MailboxTerminalConfig remote;
  MailboxConfig model;
  const MailboxTerminalConfig& terminal(Side s) const {
    return s == Side::kMaster ? master : remote;
  }
};

struct UartBoardConfig {
  std::uint64_t base = 0;
  UartConfig model;
};

/// What executes a cluster's software: the co-simulated models of the stacks (sw/), or real
/// firmware on an AArch64 ISS core (models/iss).
enum class CoreModel { kModelled, kIss };

/// `clusters.<name>.core`: the ISS core's parameters (used when model is iss).
struct CoreBoardConfig {
  CoreModel model = CoreModel::kModelled;
  /// Instructions per clock cycle the ISS charges (inferred: an in-order dual-issue A55 on
  /// branchy RPMsg code).
  double ipc = 1.0;
  /// CNTFRQ_EL0 (inferred: the TCC807x's is not public; 24 MHz is the usual Arm SoC crystal).
  std::uint64_t timer_hz = 24000000;
  /// Polls on unchanging shared values are slept through (FirmwareCpuConfig::skip_polls).
  bool skip_polls = true;
  /// The cluster's GICv3 distributor and redistributor (0: none mapped).
  std::uint64_t gicd = 0;
  std::uint64_t gicr = 0;
  /// ipcsim's probe port (a 4 KiB page, not on silicon): where firmware built for ipcsim reports
  /// its kicks and its application's messages (FirmwareCpuConfig::probe_port; 0: none).
  std::uint64_t probe_port = 0x1fff0000;
};

struct ClusterBoardConfig {
  std::string name; ///< its key under `clusters:`
  /// The side its software plays: the clusters named `master` and `remote` (both required).
  /// Any other cluster is hardware only: cores, D-cache, UART and MMU, no mailbox terminal.
  std::optional<Side> side;
  unsigned cores = 1;
  std::uint64_t clock_hz = 0;
  CacheConfig dcache;
  std::optional<UartBoardConfig> uart;
  std::vector<MmuRegion> mmu;
  OsCosts os;
  Picoseconds irq_delivery_latency = 20 * kPsPerNs;
  CoreBoardConfig core;
};

struct BoardConfig {
  std::string name;
  Picoseconds quantum = kPsPerUs;
  std::vector<MemoryBankConfig> memory;
  MailboxBoardConfig mailbox;
  std::vector<CarveoutConfig> carveouts;
  /// In the file's order; the master and the remote among them.
  std::vector<ClusterBoardConfig> clusters;
  /// Window size of one mailbox terminal and one UART (for address-map checks and MMU entries).
  static constexpr std::uint64_t kMailboxWindow = 0x100;
  static constexpr std::uint64_t kUartWindow = 0x1000;

  const CarveoutConfig* carveout(const std::string& name) const;
  const ClusterBoardConfig& cluster(Side side) const;
  ClusterBoardConfig& cluster(Side side);
};

/// Parses and validates the board part of a document (keys: name, quantum, memory, mailbox,
/// carveouts, clusters; `software` is left for the software layer). Throws config::ConfigError.
BoardConfig parse_board(const config::ConfigNode& root);
/// The same, with `keys` (the board's keys and others, e.g. a scenario's merged document's
/// software sections, which their own readers read) declaring what `root` may hold.
BoardConfig parse_board(const config::ConfigNode& root, const config::KeySet& keys);

} // namespace sim::models
