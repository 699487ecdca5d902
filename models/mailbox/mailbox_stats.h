// SPDX-License-Identifier: Apache-2.0
#pragma once
// Counters of one mailbox link, plain structs the stats dump and scenario expectations read.

#include <cstdint>

namespace sim::models {

/// One direction of the link, keyed by the sending terminal (sender TX FIFO = peer RX FIFO).
struct MailboxDirectionStats {
  std::uint64_t messages = 0;           ///< sender OEN 0->1 transitions (one per driver send)
  std::uint64_t kicks = 0;              ///< command words accepted (one command-word push = a kick)
  std::uint64_t cmd_words_popped = 0;   ///< command words the peer read out
  std::uint64_t cmd_words_dropped = 0;  ///< command words written while the FIFO was full
  std::uint64_t cmd_words_flushed = 0;  ///< command words discarded by CF_FLUSH
  std::uint64_t data_words_pushed = 0;  ///< data words accepted
  std::uint64_t data_words_popped = 0;  ///< data words the peer read out
  std::uint64_t data_words_dropped = 0; ///< data words written while the FIFO was full
  std::uint64_t data_words_flushed = 0; ///< data words discarded by DF_FLUSH
  std::uint64_t cmd_flushes = 0;        ///< CF_FLUSH pulses
  std::uint64_t data_flushes = 0;       ///< DF_FLUSH pulses
  std::uint64_t empty_reads = 0;        ///< peer reads of an empty or not yet visible FIFO (read 0)
  std::uint64_t tx_done_events = 0;     ///< TX-done latch sets (cmd FIFO drained with OEN=1)
  std::uint64_t fault_dropped = 0;      ///< messages a `drop` fault made vanish
  std::uint64_t fault_duplicated = 0;   ///< messages a `duplicate` fault delivered twice
  std::uint64_t fault_delayed = 0;      ///< messages a `delay` fault held back
  std::uint32_t max_cmd_level = 0;      ///< highest command FIFO fill level seen
  std::uint32_t max_data_level = 0;     ///< highest data FIFO fill level seen
};

/// Interrupt activity of one terminal (rising edges of the model's level, before irq_latency).
struct MailboxTerminalStats {
  std::uint64_t irq_rx_asserts = 0;
  std::uint64_t irq_tx_asserts = 0;
};

} // namespace sim::models
