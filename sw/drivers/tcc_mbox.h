// SPDX-License-Identifier: Apache-2.0
#pragma once
// Software driver for one terminal of the Telechips v2 mailbox, following the flows of the Linux
// `mailbox-tcc` v2 driver (reference: tcc807x-mailbox.md §2.5): startup flushes and enables the RX
// interrupt and raises the ready handshake; send refuses while the TX FIFOs are not empty (the
// driver's -EBUSY), loads the command words and sets ICLR, IEN_WRITE, OEN; the TX-done handler
// acknowledges and drops OEN; the RX top half masks IEN_READ, the bottom half drains the FIFOs and
// unmasks. Register offsets are the driver's own constants, as in the real source.

#include <cstddef>
#include <cstdint>
#include <functional>

#include "sw/hal/hal.h"

namespace sim::sw {

class TccMbox {
public:
  static constexpr unsigned kMaxCmdWords = 8;
  static constexpr int kBusy = -16; // -EBUSY

  TccMbox(hal::Hal& hal, std::uint64_t base) : hal_(hal), base_(base) {}

  /// Channel startup: OEN off, FIFOs flushed, RX interrupt on with ILEVEL = not-empty, ready = 1.
  void startup();
  /// Installs the interrupt handlers (RX calls `on_rx`; TX-done is handled here), runs startup()
  /// and enables both lines, on `core`.
  void attach(hal::Os& os, unsigned irq_rx, unsigned irq_tx, std::function<void()> on_rx,
              unsigned core = 0);
  /// Sends 1..8 command words; returns 0 or kBusy when the previous message is still in the FIFO.
  int send(const std::uint32_t* cmd, std::size_t words);
  /// TX-done top half: acknowledges the latch and drops OEN once the peer drained the FIFO.
  /// Returns true when the interrupt was ours.
  bool tx_done_irq();
  /// RX top half: masks the RX interrupt (the level would otherwise stay high) and reports
  /// whether the RX command FIFO holds anything.
  bool rx_irq();
  /// RX bottom half: pops every visible command word (at most `max`), returns how many.
  std::size_t receive(std::uint32_t* cmd, std::size_t max);
  /// Unmasks the RX interrupt after the bottom half.
  void rx_irq_enable();
  bool peer_ready();
  bool tx_empty();

  // Register map (offsets from the terminal base) and CTRL bits.
  static constexpr std::uint32_t kCmdTxFifo = 0x00;
  static constexpr std::uint32_t kCmdRxFifo = 0x20;
  static constexpr std::uint32_t kCtrl = 0x40;
  static constexpr std::uint32_t kCmdFifoSts = 0x44;
  static constexpr std::uint32_t kDatTxSts = 0x50;
  static constexpr std::uint32_t kCtrlSet = 0x74;
  static constexpr std::uint32_t kCtrlClr = 0x78;
  static constexpr std::uint32_t kOppositeSts = 0x7c;
  static constexpr std::uint32_t kIlevelMask = 0x3;
  static constexpr std::uint32_t kIenRead = 1u << 4;
  static constexpr std::uint32_t kOen = 1u << 5;
  static constexpr std::uint32_t kCfFlush = 1u << 6;
  static constexpr std::uint32_t kDfFlush = 1u << 7;
  static constexpr std::uint32_t kIenWrite = 1u << 20;
  static constexpr std::uint32_t kIclrWrite = 1u << 21;
  static constexpr std::uint32_t kTxCmdEmpty = 1u << 0;
  static constexpr std::uint32_t kRxCmdEmpty = 1u << 16;
  static constexpr std::uint32_t kDatEmpty = 1u << 31;

private:
  std::uint32_t rd(std::uint32_t off) { return hal_.mmio_read32(base_ + off); }
  void wr(std::uint32_t off, std::uint32_t v) { hal_.mmio_write32(base_ + off, v); }
  // The v2 CTRL_CLR register ANDs with the written value: drivers write the complement.
  void ctrl_clear(std::uint32_t bits) { wr(kCtrlClr, ~bits); }
  void ctrl_set(std::uint32_t bits) { wr(kCtrlSet, bits); }

  hal::Hal& hal_;
  std::uint64_t base_;
};

} // namespace sim::sw
