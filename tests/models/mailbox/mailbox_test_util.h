// SPDX-License-Identifier: Apache-2.0
#pragma once
// Helpers for the pure MailboxLink tests: register access that asserts success, and the driver
// sequences the reference describes (reference/tcc807x-mailbox.md §2.5).

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "models/mailbox/mailbox_link.h"
#include "models/mailbox/mailbox_regs.h"

namespace sim::models::test {

inline constexpr Terminal kA = Terminal::kA;
inline constexpr Terminal kB = Terminal::kB;

/// CMD_FIFO_STS field extraction.
inline unsigned tx_count(std::uint32_t sts) {
  return (sts >> mbox::kCmdStsTxCountShift) & mbox::kCmdStsCountMask;
}
inline unsigned rx_count(std::uint32_t sts) {
  return (sts >> mbox::kCmdStsRxCountShift) & mbox::kCmdStsCountMask;
}

class Mbox {
public:
  explicit Mbox(const MailboxConfig& config = MailboxConfig()) : link(config) {}

  std::uint32_t rd(Terminal t, std::uint32_t offset) {
    std::uint32_t v = 0;
    EXPECT_EQ(link.read(t, offset, v), regs::Status::kOk) << "read offset " << offset;
    return v;
  }
  void wr(Terminal t, std::uint32_t offset, std::uint32_t value) {
    EXPECT_EQ(link.write(t, offset, value), regs::Status::kOk) << "write offset " << offset;
  }
  void set(Terminal t, std::uint32_t mask) { wr(t, mbox::kCtrlSet, mask); }
  void clr(Terminal t, std::uint32_t mask) { wr(t, mbox::kCtrlClr, ~mask); }

  /// Writes command words to consecutive TX offsets, as every driver does.
  void load_cmd(Terminal t, const std::vector<std::uint32_t>& words) {
    for (std::size_t i = 0; i < words.size(); ++i)
      wr(t, mbox::kCmdTxFifo + static_cast<std::uint32_t>(4 * (i % mbox::kCmdWindowWords)),
         words[i]);
  }
  void load_data(Terminal t, const std::vector<std::uint32_t>& words) {
    for (std::uint32_t w : words) wr(t, mbox::kDatFifoTxd, w);
  }
  /// Reads `n` command words from consecutive RX offsets.
  std::vector<std::uint32_t> drain_cmd(Terminal t, unsigned n) {
    std::vector<std::uint32_t> out;
    for (unsigned i = 0; i < n; ++i)
      out.push_back(rd(t, mbox::kCmdRxFifo + 4 * (i % mbox::kCmdWindowWords)));
    return out;
  }
  std::vector<std::uint32_t> drain_data(Terminal t, unsigned n) {
    std::vector<std::uint32_t> out;
    for (unsigned i = 0; i < n; ++i) out.push_back(rd(t, mbox::kDatFifoRxd));
    return out;
  }

  /// Linux v2 startup (tcc_mbox_startup): clear OEN, flush, IEN_READ with ILEVEL=NEMP, ready.
  void linux_startup(Terminal t) {
    clr(t, mbox::kCtrlOen);
    set(t, mbox::kCtrlCfFlush | mbox::kCtrlDfFlush);
    clr(t, mbox::kCtrlIlevelMask);
    set(t, mbox::kCtrlIenRead);
    wr(t, mbox::kOppositeSts, 1);
  }

  /// Linux v2 send (tcc_mbox_send_data): false (-EBUSY) if TX is not empty.
  bool linux_send(Terminal t, const std::vector<std::uint32_t>& cmd,
                  const std::vector<std::uint32_t>& data = {}) {
    const std::uint32_t sts = rd(t, mbox::kCmdFifoSts);
    const std::uint32_t dsts = rd(t, mbox::kDatFifoTxSts);
    if ((sts & mbox::kCmdStsTxEmpty) == 0 || (dsts & mbox::kDatStsEmpty) == 0) return false;
    load_cmd(t, cmd);
    load_data(t, data);
    set(t, mbox::kCtrlIclrWrite);
    set(t, mbox::kCtrlIenWrite);
    set(t, mbox::kCtrlOen);
    return true;
  }

  MailboxLink link;
};

} // namespace sim::models::test
