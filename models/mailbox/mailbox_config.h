// SPDX-License-Identifier: Apache-2.0
#pragma once
// Configuration of one TCC807x v2 mailbox link (two terminals). Every behaviour the public sources
// do not state is a knob here with the default that reference/tcc807x-mailbox.md §7 proposes; the
// tags say how solid each default is: [SRC] stated by driver source, [INF] inferred from how the
// drivers use the hardware, [UNK] not found anywhere (docs/models/mailbox.md).

#include <string>

#include "models/common/units.h"

namespace sim::models {

struct MailboxConfig {
  /// How the TX-done interrupt is derived.
  enum class TxDoneMode {
    kLatched,       ///< [INF] latch set when the TX cmd FIFO drains to 0 while OEN=1; ICLR clears
    kCombinational, ///< alternative: IEN_WRITE && OEN && TX cmd FIFO empty, no latch
  };
  /// How ILEVEL GT2 / GT4 compare the visible RX command count ([UNK] in every source).
  enum class ThresholdCompare {
    kGreaterThan, ///< GT2 = count > 2, GT4 = count > 4 (reference §7.2 proposal)
    kAtLeast,     ///< GT2 = count >= 2, GT4 = count >= 4
  };

  /// Log component prefix; the terminals log as `<name>.a` / `<name>.b`. Empty: "mailbox" in the
  /// pure core, the module's hierarchical name in the TccMailbox shell.
  std::string name;
  /// Cost of one APB register access added to the annotated delay. [UNK]: no datasheet gives it;
  /// 20 ns is a typical APB read/write on a ~100-200 MHz peripheral bus.
  Picoseconds access_latency = 20 * kPsPerNs;
  /// From the register access that changes an interrupt condition to the pin. [UNK]
  Picoseconds irq_latency = 50 * kPsPerNs;
  /// [INF] true: words are counted in the sender's TX status at once but are visible to the peer
  /// (RX count, RX data, RX interrupt) only while the sender's OEN=1. false: always visible.
  bool oen_gates_visibility = true;
  /// [INF] false: any write in 0x00-0x1C pushes and any read in 0x20-0x3C pops (address ignored).
  /// true: fallback where word i is a register slot i (counted, but addressed by index).
  bool cmd_index_mode = false;
  TxDoneMode tx_done = TxDoneMode::kLatched;
  ThresholdCompare threshold = ThresholdCompare::kGreaterThan;
  /// [SRC] MBOX_CMD_FIFO_MAX_COUNT 8. The status count field is 4 bits wide, so 1..15.
  unsigned cmd_depth = 8;
  /// [SRC] MBOX_DAT_FIFO_MAX_COUNT 128. The status count field is 16 bits wide.
  unsigned data_depth = 128;
};

} // namespace sim::models
