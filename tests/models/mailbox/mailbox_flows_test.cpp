// SPDX-License-Identifier: Apache-2.0
// The sanity flows of reference/tcc807x-mailbox.md §7.3 (1, 2, 3, 5; flow 4 is in the FIFO
// tests), driven the way the Linux v2 and U-Boot drivers drive the registers (§2.5).
#include <gtest/gtest.h>

#include "tests/models/mailbox/mailbox_test_util.h"

namespace sim::models::test {
namespace {

using namespace mbox;

const std::vector<std::uint32_t> kIpiCmd = {0x00010046, 1, 2, 3, 4, 5, 6, 0x49504331};
const std::vector<std::uint32_t> kPayload = {0xa0, 0xa1, 0xa2};

TEST(MailboxFlow, LinuxV2SendRaisesPeerRxThenSenderTxDoneThenDeasserts) {
  Mbox m;
  m.linux_startup(kA);
  m.linux_startup(kB);

  // Sender (A) loads and sends: ICLR, IEN_WRITE, OEN via SET.
  ASSERT_TRUE(m.linux_send(kA, kIpiCmd, kPayload));
  ASSERT_TRUE(m.link.irq_rx(kB));
  EXPECT_FALSE(m.link.irq_tx(kA));
  const std::uint32_t sts = m.rd(kB, kCmdFifoSts);
  EXPECT_EQ(rx_count(sts), kIpiCmd.size());

  // Receiver top half masks the line; the thread drains data then commands, then re-enables.
  m.clr(kB, kCtrlIenRead);
  EXPECT_FALSE(m.link.irq_rx(kB));
  const std::uint32_t dsts = m.rd(kB, kDatFifoRxSts);
  EXPECT_EQ(m.drain_data(kB, dsts & kDatStsCountMask), kPayload);
  EXPECT_EQ(m.drain_cmd(kB, rx_count(sts)), kIpiCmd);
  m.set(kB, kCtrlIenRead);
  EXPECT_FALSE(m.link.irq_rx(kB));

  // Sender TX-done: the handler sees TX empty, acknowledges with ICLR and clears OEN via CLR.
  ASSERT_TRUE(m.link.irq_tx(kA));
  EXPECT_EQ(m.rd(kA, kCmdFifoSts) & kCmdStsTxEmpty, kCmdStsTxEmpty);
  m.set(kA, kCtrlIclrWrite);
  m.clr(kA, kCtrlOen);
  EXPECT_FALSE(m.link.irq_tx(kA));
  EXPECT_EQ(m.rd(kA, kDatFifoTxSts), kDatStsEmpty);
  EXPECT_EQ(m.rd(kA, kCtrl), kCtrlIenRead | kCtrlIenWrite);
  EXPECT_EQ(m.link.stats(kA).messages, 1u);
}

TEST(MailboxFlow, BackToBackSendFindsTxBusy) {
  Mbox m;
  m.linux_startup(kA);
  m.linux_startup(kB);
  ASSERT_TRUE(m.linux_send(kA, {0x1}));
  EXPECT_FALSE(m.linux_send(kA, {0x2})) << "the driver returns -EBUSY here";
  EXPECT_EQ(m.link.tx_cmd_level(kA), 1u);
  m.drain_cmd(kB, 1);
  m.set(kA, kCtrlIclrWrite);
  m.clr(kA, kCtrlOen);
  EXPECT_TRUE(m.linux_send(kA, {0x2}));
}

TEST(MailboxFlow, PeerNotReadyIsVisibleAsOppositeBitZero) {
  // tcc_ipi returns -EAGAIN (and the multichannel driver -ECOMM) when bit 16 reads 0.
  Mbox m;
  m.linux_startup(kA);
  EXPECT_EQ(m.rd(kA, kOppositeSts) & kOppTmnSts, 0u);
  m.linux_startup(kB);
  EXPECT_EQ(m.rd(kA, kOppositeSts) & kOppTmnSts, kOppTmnSts);
  m.wr(kB, kOppositeSts, 0); // peer shutdown / suspend
  EXPECT_EQ(m.rd(kA, kOppositeSts) & kOppTmnSts, 0u);
}

TEST(MailboxFlow, UBootPolledFlowWorksWithBothInterruptsDisabled) {
  Mbox m;
  // Sender: wait for TX empty, load, set OEN.
  ASSERT_EQ(m.rd(kA, kCmdFifoSts) & kCmdStsTxEmpty, kCmdStsTxEmpty);
  m.load_cmd(kA, {0x10, 0x11});
  m.load_data(kA, {0x20});
  m.set(kA, kCtrlOen);
  // Receiver: poll until RX cmd not empty, read count words, then the data words.
  const std::uint32_t sts = m.rd(kB, kCmdFifoSts);
  ASSERT_EQ(sts & kCmdStsRxEmpty, 0u);
  EXPECT_EQ(m.drain_cmd(kB, rx_count(sts)), (std::vector<std::uint32_t>{0x10, 0x11}));
  EXPECT_EQ(m.drain_data(kB, m.rd(kB, kDatFifoRxSts) & kDatStsCountMask),
            (std::vector<std::uint32_t>{0x20}));
  // Sender: wait for TX cmd and data empty, then clear OEN and pulse both flushes.
  EXPECT_EQ(m.rd(kA, kCmdFifoSts) & kCmdStsTxEmpty, kCmdStsTxEmpty);
  EXPECT_EQ(m.rd(kA, kDatFifoTxSts) & kDatStsEmpty, kDatStsEmpty);
  m.clr(kA, kCtrlOen);
  m.set(kA, kCtrlCfFlush | kCtrlDfFlush);
  for (Terminal t : {kA, kB}) {
    EXPECT_FALSE(m.link.irq_rx(t));
    EXPECT_FALSE(m.link.irq_tx(t));
  }
  EXPECT_EQ(m.rd(kA, kCtrl), 0u);
}

} // namespace
} // namespace sim::models::test
