// SPDX-License-Identifier: Apache-2.0
#pragma once
// Builds the SoC from a BoardConfig (structure is data: nothing here is TCC807x-specific):
//
//   each cluster: cores -> D-cache (normal_wb) -+
//                       \-> (normal_nc/device) -+-> router -> DRAM banks, mailbox terminals,
//                                                            UARTs
//   mailbox IRQ wires -> the master's and the remote's interrupt controllers
//
// Every cluster of the board is built the same way; the two that play the RPMsg sides (Side)
// also get their mailbox terminal, as device memory in their MMU map like their UART (the SoC's
// peripheral mappings, which the board file does not repeat). DRAM writes and each cluster's
// cache line events feed that cluster's memory watch, which wakes polling software. DMI is denied
// on the carve-outs so every shared-memory access is a visible transaction.

#include <memory>
#include <string>
#include <vector>

#include <systemc>

#include "models/cache/cache.h"
#include "models/coherency/sanitizer.h"
#include "models/coherency/sanitizer_feed.h"
#include "models/common/irq_line.h"
#include "models/cpu/cluster.h"
#include "models/interconnect/router.h"
#include "models/irq/irq_controller.h"
#include "models/mailbox/tcc_mailbox.h"
#include "models/memory/memory.h"
#include "models/platform/board_config.h"
#include "models/platform/side_terminals.h"
#include "models/uart/uart.h"

namespace sim::models {

class Platform : public sc_core::sc_module {
public:
  SIM_HAS_PROCESS(Platform);
  Platform(const sc_core::sc_module_name& name, const BoardConfig& board, std::uint64_t seed);
  ~Platform() override;

  const BoardConfig& board() const { return board_; }
  Cluster& cluster(Side side);
  Cache& dcache(Side side);
  IrqController& irq(Side side);
  /// nullptr when the board gives the side no UART.
  Uart* uart(Side side);
  /// Every cluster of the board, in its order (the two sides' and any other).
  std::size_t clusters() const { return nodes_.size(); }
  Cluster& cluster_at(std::size_t i);
  Cache& dcache_at(std::size_t i);
  TccMailbox& mailbox() { return *mailbox_; }
  /// The mailbox's RX or TX-done interrupt wire into a side's interrupt controller (tracing).
  const IrqLine& mailbox_irq(Side side, IrqKind kind);
  Router& router() { return *router_; }
  Memory& memory(std::size_t bank) { return *memories_.at(bank); }
  /// Attaches the coherency sanitizer to both clusters and their D-caches, shadowing every
  /// carve-out. Call before the simulation starts; it only watches (DESIGN §5).
  coherency::CoherencySanitizer& enable_coherency_sanitizer();
  /// A reset of one cluster's D-cache: every line dropped, dirty data lost (and the sanitizer
  /// forgets what that cache held, without calling it a discard). Pollers are not woken: a reset
  /// cluster runs no software.
  void reset_cache(Side side);
  /// nullptr unless enabled.
  coherency::CoherencySanitizer* sanitizer() { return sanitizer_.get(); }
  std::size_t memory_banks() const { return memories_.size(); }

private:
  struct Node;
  Node& node(Side side);
  void build_node(Node& n, const ClusterBoardConfig& c, std::uint64_t seed);
  class WatchFeeder;

  BoardConfig board_;
  std::unique_ptr<Router> router_;
  std::vector<std::unique_ptr<Memory>> memories_;
  std::unique_ptr<TccMailbox> mailbox_;
  std::vector<std::unique_ptr<Node>> nodes_; ///< one per cluster, in the board's order
  PerSide<Node*> sides_;
  std::vector<std::unique_ptr<WatchFeeder>> feeders_;
  std::unique_ptr<coherency::CoherencySanitizer> sanitizer_;
  std::vector<std::unique_ptr<coherency::SanitizerFeed>> sanitizer_feeds_; ///< per node
};

} // namespace sim::models
