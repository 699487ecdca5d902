// SPDX-License-Identifier: Apache-2.0
#pragma once
// Builds the SoC from a BoardConfig (structure is data: nothing here is TCC807x-specific):
//
//   cluster master: cores -> D-cache (normal_wb) -+
//                          \-> (normal_nc/device) -+-> router -> DRAM banks, mailbox terminals,
//   cluster remote: cores -> D-cache (normal_wb) -+                UARTs
//                          \-> (normal_nc/device) -+
//   mailbox IRQ wires -> each cluster's interrupt controller
//
// Each cluster's MMU map gets its own mailbox terminal and UART as device regions (the SoC's
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
#include "models/uart/uart.h"

namespace sim::models {

class Platform : public sc_core::sc_module {
public:
  SIM_HAS_PROCESS(Platform);
  Platform(const sc_core::sc_module_name& name, const BoardConfig& board, std::uint64_t seed);
  ~Platform() override;

  const BoardConfig& board() const { return board_; }
  Cluster& cluster(const std::string& side);
  Cache& dcache(const std::string& side);
  IrqController& irq(const std::string& side);
  /// nullptr when the board gives the side no UART.
  Uart* uart(const std::string& side);
  TccMailbox& mailbox() { return *mailbox_; }
  /// The mailbox terminal a side writes and is interrupted by: the remote's (MP) is A, the
  /// master's (SP) B, as on the TCC807x.
  static Terminal mailbox_terminal(const std::string& side) {
    return side == "master" ? Terminal::kB : Terminal::kA;
  }
  static const char* side_of(Terminal t) { return t == Terminal::kB ? "master" : "remote"; }
  /// The mailbox's RX or TX-done interrupt wire into a side's interrupt controller (tracing).
  const IrqLine& mailbox_irq(const std::string& side, IrqKind kind);
  Router& router() { return *router_; }
  Memory& memory(std::size_t bank) { return *memories_.at(bank); }
  /// Attaches the coherency sanitizer to both clusters and their D-caches, shadowing every
  /// carve-out. Call before the simulation starts; it only watches (DESIGN §5).
  coherency::CoherencySanitizer& enable_coherency_sanitizer();
  /// A reset of one cluster's D-cache: every line dropped, dirty data lost (and the sanitizer
  /// forgets what that cache held, without calling it a discard). Pollers are not woken: a reset
  /// cluster runs no software.
  void reset_cache(const std::string& side);
  /// nullptr unless enabled.
  coherency::CoherencySanitizer* sanitizer() { return sanitizer_.get(); }
  std::size_t memory_banks() const { return memories_.size(); }

private:
  struct Side;
  Side& side(const std::string& name);
  void build_side(Side& s, const ClusterBoardConfig& c, const MailboxTerminalConfig& terminal,
                  std::uint64_t seed);
  class WatchFeeder;

  BoardConfig board_;
  std::unique_ptr<Router> router_;
  std::vector<std::unique_ptr<Memory>> memories_;
  std::unique_ptr<TccMailbox> mailbox_;
  std::unique_ptr<Side> master_;
  std::unique_ptr<Side> remote_;
  std::vector<std::unique_ptr<WatchFeeder>> feeders_;
  std::unique_ptr<coherency::CoherencySanitizer> sanitizer_;
  std::vector<std::unique_ptr<coherency::SanitizerFeed>> sanitizer_feeds_;
};

} // namespace sim::models
