// SPDX-License-Identifier: Apache-2.0
// MailboxLink control and interrupts: CTRL/SET/CLR, pulses, the TX-done latch, irq_rx thresholds,
// the ready handshake, debug peeks, statistics and the IRQ-change callback.
#include <gtest/gtest.h>

#include <string>
#include <tuple>

#include "tests/models/mailbox/mailbox_test_util.h"

namespace sim::models::test {
namespace {

using namespace mbox;

MailboxConfig with_threshold(MailboxConfig::ThresholdCompare compare) {
  MailboxConfig c;
  c.threshold = compare;
  return c;
}

MailboxConfig combinational() {
  MailboxConfig c;
  c.tx_done = MailboxConfig::TxDoneMode::kCombinational;
  return c;
}

TEST(MailboxCtrl, WriteStoresDefinedBitsAndDropsUndefinedOnes) {
  Mbox m;
  m.wr(kA, kCtrl, 0xffffffff & ~kCtrlPulseBits);
  EXPECT_EQ(m.rd(kA, kCtrl), kCtrlStoredBits);
  m.wr(kA, kCtrl, kCtrlIenRead | kIlevelGt4);
  EXPECT_EQ(m.rd(kA, kCtrl), kCtrlIenRead | kIlevelGt4);
  EXPECT_EQ(m.rd(kB, kCtrl), 0u); // each terminal has its own CTRL
}

TEST(MailboxCtrl, SetOrsTheWrittenValueIntoCtrl) {
  Mbox m;
  m.wr(kA, kCtrl, kCtrlIenRead);
  m.set(kA, kCtrlIenWrite);
  EXPECT_EQ(m.rd(kA, kCtrl), kCtrlIenRead | kCtrlIenWrite);
}

TEST(MailboxCtrl, ClrAndsTheWrittenValueSoWritingInverseMaskClearsTheMask) {
  Mbox m;
  m.wr(kA, kCtrl, kCtrlIenRead | kCtrlOen | kCtrlIenWrite);
  m.wr(kA, kCtrlClr, ~kCtrlOen);
  EXPECT_EQ(m.rd(kA, kCtrl), kCtrlIenRead | kCtrlIenWrite);
}

TEST(MailboxCtrl, ClrWithAPlainMaskWipesEveryOtherBit) {
  Mbox m;
  m.wr(kA, kCtrl, kCtrlIenRead | kCtrlOen | kCtrlIenWrite);
  m.wr(kA, kCtrlClr, kCtrlOen);
  EXPECT_EQ(m.rd(kA, kCtrl), kCtrlOen);
}

TEST(MailboxCtrl, ClrNeverPulsesAlthoughInverseMasksHaveThePulseBitsSet) {
  Mbox m;
  m.load_cmd(kA, {1});
  m.load_data(kA, {2});
  m.set(kA, kCtrlOen | kCtrlIenWrite);
  m.drain_cmd(kB, 1);
  ASSERT_TRUE(m.link.tx_done_latched(kA));
  m.load_cmd(kA, {3});
  m.clr(kA, kCtrlIenRead); // writes ~IEN_READ: CF_FLUSH, DF_FLUSH and ICLR_WRITE bits are 1
  EXPECT_EQ(m.link.tx_cmd_level(kA), 1u);
  EXPECT_EQ(m.link.tx_data_level(kA), 1u);
  EXPECT_TRUE(m.link.tx_done_latched(kA));
}

TEST(MailboxCtrl, IclrWriteClearsTheLatchAndReadsBackZero) {
  Mbox m;
  m.load_cmd(kA, {1});
  m.set(kA, kCtrlOen | kCtrlIenWrite);
  m.drain_cmd(kB, 1);
  ASSERT_TRUE(m.link.irq_tx(kA));
  m.set(kA, kCtrlIclrWrite);
  EXPECT_FALSE(m.link.tx_done_latched(kA));
  EXPECT_FALSE(m.link.irq_tx(kA));
  EXPECT_EQ(m.rd(kA, kCtrl) & kCtrlIclrWrite, 0u);
}

TEST(MailboxCtrl, IclrWriteThroughCtrlAlsoPulses) {
  Mbox m;
  m.load_cmd(kA, {1});
  m.set(kA, kCtrlOen | kCtrlIenWrite);
  m.drain_cmd(kB, 1);
  m.wr(kA, kCtrl, kCtrlIenWrite | kCtrlIclrWrite);
  EXPECT_FALSE(m.link.irq_tx(kA));
  EXPECT_EQ(m.rd(kA, kCtrl), kCtrlIenWrite);
}

TEST(MailboxTxDone, LatchSetsWhenTheCmdFifoDrainsToZeroWithOenSet) {
  Mbox m;
  m.load_cmd(kA, {1, 2});
  m.set(kA, kCtrlOen);
  m.drain_cmd(kB, 1);
  EXPECT_FALSE(m.link.tx_done_latched(kA));
  m.drain_cmd(kB, 1);
  EXPECT_TRUE(m.link.tx_done_latched(kA));
  EXPECT_EQ(m.link.stats(kA).tx_done_events, 1u);
}

TEST(MailboxTxDone, LatchIsNotSetWhenDrainedWithOenClear) {
  MailboxConfig c;
  c.oen_gates_visibility = false; // the only way the peer can drain while OEN=0
  Mbox m(c);
  m.load_cmd(kA, {1});
  m.set(kA, kCtrlIenWrite);
  m.drain_cmd(kB, 1);
  EXPECT_FALSE(m.link.tx_done_latched(kA));
  EXPECT_FALSE(m.link.irq_tx(kA));
}

TEST(MailboxTxDone, FlushDoesNotSetTheLatch) {
  Mbox m;
  m.load_cmd(kA, {1});
  m.set(kA, kCtrlOen | kCtrlIenWrite);
  m.set(kA, kCtrlCfFlush);
  EXPECT_FALSE(m.link.tx_done_latched(kA));
  EXPECT_FALSE(m.link.irq_tx(kA));
}

TEST(MailboxTxDone, LatchedIrqStaysAfterOenIsClearedUntilIclr) {
  Mbox m;
  m.load_cmd(kA, {1});
  m.set(kA, kCtrlOen);
  m.drain_cmd(kB, 1);
  EXPECT_FALSE(m.link.irq_tx(kA)); // IEN_WRITE=0 masks the latch
  m.set(kA, kCtrlIenWrite);
  EXPECT_TRUE(m.link.irq_tx(kA));
  m.clr(kA, kCtrlOen);
  EXPECT_TRUE(m.link.irq_tx(kA));
  m.set(kA, kCtrlIclrWrite);
  EXPECT_FALSE(m.link.irq_tx(kA));
}

TEST(MailboxTxDone, CombinationalModeFollowsOenAndTxEmptyWithoutLatch) {
  Mbox m(combinational());
  m.set(kA, kCtrlIenWrite);
  EXPECT_FALSE(m.link.irq_tx(kA));
  m.load_cmd(kA, {1});
  m.set(kA, kCtrlOen);
  EXPECT_FALSE(m.link.irq_tx(kA));
  m.drain_cmd(kB, 1);
  EXPECT_TRUE(m.link.irq_tx(kA));
  m.set(kA, kCtrlIclrWrite); // no latch to clear: the level stays
  EXPECT_TRUE(m.link.irq_tx(kA));
  m.clr(kA, kCtrlOen);
  EXPECT_FALSE(m.link.irq_tx(kA));
}

// irq_rx for every ILEVEL and both compare options: {compare, ilevel, count, expected}.
using ThresholdCase = std::tuple<MailboxConfig::ThresholdCompare, std::uint32_t, unsigned, bool>;
class MailboxRxThreshold : public ::testing::TestWithParam<ThresholdCase> {};

TEST_P(MailboxRxThreshold, RaisesRxIrqExactlyWhenTheVisibleCountMeetsIlevel) {
  const auto [compare, ilevel, count, expected] = GetParam();
  Mbox m(with_threshold(compare));
  m.wr(kB, kCtrl, kCtrlIenRead | ilevel);
  for (unsigned i = 0; i < count; ++i) m.wr(kA, kCmdTxFifo, i);
  EXPECT_FALSE(m.link.irq_rx(kB)) << "hidden until OEN";
  m.set(kA, kCtrlOen);
  EXPECT_EQ(m.link.irq_rx(kB), expected);
}

constexpr auto kGt = MailboxConfig::ThresholdCompare::kGreaterThan;
constexpr auto kGe = MailboxConfig::ThresholdCompare::kAtLeast;

std::string threshold_case_name(const ::testing::TestParamInfo<ThresholdCase>& param_info) {
  const auto [compare, ilevel, count, expected] = param_info.param;
  return std::string(compare == kGt ? "GreaterThan" : "AtLeast") + "_Ilevel" +
         std::to_string(ilevel) + "_Count" + std::to_string(count) +
         (expected ? "_Raises" : "_Stays");
}

INSTANTIATE_TEST_SUITE_P(
    Ilevels, MailboxRxThreshold,
    ::testing::Values(
        ThresholdCase{kGt, kIlevelNemp, 0, false}, ThresholdCase{kGt, kIlevelNemp, 1, true},
        ThresholdCase{kGt, kIlevelGt2, 2, false}, ThresholdCase{kGt, kIlevelGt2, 3, true},
        ThresholdCase{kGt, kIlevelGt4, 4, false}, ThresholdCase{kGt, kIlevelGt4, 5, true},
        ThresholdCase{kGt, kIlevelFull, 7, false}, ThresholdCase{kGt, kIlevelFull, 8, true},
        ThresholdCase{kGe, kIlevelNemp, 1, true}, ThresholdCase{kGe, kIlevelGt2, 1, false},
        ThresholdCase{kGe, kIlevelGt2, 2, true}, ThresholdCase{kGe, kIlevelGt4, 3, false},
        ThresholdCase{kGe, kIlevelGt4, 4, true}, ThresholdCase{kGe, kIlevelFull, 7, false},
        ThresholdCase{kGe, kIlevelFull, 8, true}),
    threshold_case_name);

TEST(MailboxRxIrq, DropsWhenIenReadIsClearedAndReturnsWhenSetAgain) {
  // Linux top half: clear IEN_READ so the level line drops; the thread re-enables it.
  Mbox m;
  m.set(kB, kCtrlIenRead);
  m.load_cmd(kA, {1, 2});
  m.set(kA, kCtrlOen);
  ASSERT_TRUE(m.link.irq_rx(kB));
  m.clr(kB, kCtrlIenRead);
  EXPECT_FALSE(m.link.irq_rx(kB));
  m.set(kB, kCtrlIenRead);
  EXPECT_TRUE(m.link.irq_rx(kB));
}

TEST(MailboxRxIrq, FallsWhenThePeerDrainsBelowTheThreshold) {
  Mbox m;
  m.set(kB, kCtrlIenRead);
  m.load_cmd(kA, {1, 2});
  m.set(kA, kCtrlOen);
  m.drain_cmd(kB, 1);
  EXPECT_TRUE(m.link.irq_rx(kB));
  m.drain_cmd(kB, 1);
  EXPECT_FALSE(m.link.irq_rx(kB));
}

TEST(MailboxRxIrq, IgnoresTheDataFifo) {
  Mbox m;
  m.set(kB, kCtrlIenRead);
  m.load_data(kA, {1});
  m.set(kA, kCtrlOen);
  EXPECT_FALSE(m.link.irq_rx(kB));
}

TEST(MailboxHandshake, OwnBitIsReadWriteAndThePeerSeesItAtBit16) {
  Mbox m;
  m.wr(kA, kOppositeSts, 1);
  EXPECT_EQ(m.rd(kA, kOppositeSts), kOwnTmnSts);
  EXPECT_EQ(m.rd(kB, kOppositeSts), kOppTmnSts);
  m.wr(kB, kOppositeSts, 1);
  EXPECT_EQ(m.rd(kA, kOppositeSts), kOwnTmnSts | kOppTmnSts);
  m.wr(kA, kOppositeSts, 0);
  EXPECT_EQ(m.rd(kB, kOppositeSts), kOwnTmnSts);
}

TEST(MailboxHandshake, PeerBitIsReadOnly) {
  Mbox m;
  m.wr(kA, kOppositeSts, 0xffffffff & ~kOwnTmnSts);
  EXPECT_EQ(m.rd(kA, kOppositeSts), 0u);
  EXPECT_EQ(m.rd(kB, kOppositeSts), 0u);
}

TEST(MailboxPeek, ReturnsTheNextWordWithoutPopOrStatsOrIrqChange) {
  Mbox m;
  m.set(kB, kCtrlIenRead);
  m.load_cmd(kA, {0x42, 0x43});
  m.load_data(kA, {0x44});
  m.set(kA, kCtrlOen | kCtrlIenWrite);
  std::uint32_t v = 0;
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(m.link.peek(kB, kCmdRxFifo, v), regs::Status::kOk);
    EXPECT_EQ(v, 0x42u);
    ASSERT_EQ(m.link.peek(kB, kDatFifoRxd, v), regs::Status::kOk);
    EXPECT_EQ(v, 0x44u);
  }
  EXPECT_EQ(m.link.tx_cmd_level(kA), 2u);
  EXPECT_EQ(m.link.tx_data_level(kA), 1u);
  EXPECT_EQ(m.link.stats(kA).cmd_words_popped, 0u);
  EXPECT_TRUE(m.link.irq_rx(kB));
  ASSERT_EQ(m.link.peek(kB, kCmdFifoSts, v), regs::Status::kOk);
  EXPECT_EQ(rx_count(v), 2u);
}

TEST(MailboxPeek, EmptyPeekDoesNotCountAsAnEmptyRead) {
  Mbox m;
  std::uint32_t v = 1;
  EXPECT_EQ(m.link.peek(kB, kCmdRxFifo, v), regs::Status::kOk);
  EXPECT_EQ(v, 0u);
  EXPECT_EQ(m.link.stats(kA).empty_reads, 0u);
}

TEST(MailboxPeek, WriteOnlyAndUnknownOffsetsAreErrors) {
  Mbox m;
  std::uint32_t v = 0;
  EXPECT_EQ(m.link.peek(kA, kCtrlSet, v), regs::Status::kAccessError);
  EXPECT_EQ(m.link.peek(kA, 0x48, v), regs::Status::kAddressError);
}

TEST(MailboxStats, CountsMessagesKicksPopsAndMaxLevels) {
  Mbox m;
  m.load_cmd(kA, {1, 2, 3});
  m.load_data(kA, {4, 5});
  m.set(kA, kCtrlOen);
  m.set(kA, kCtrlOen); // already set: not a new message
  m.drain_cmd(kB, 3);
  m.drain_data(kB, 2);
  m.clr(kA, kCtrlOen);
  m.load_cmd(kA, {6});
  m.set(kA, kCtrlOen);
  const MailboxDirectionStats& s = m.link.stats(kA);
  EXPECT_EQ(s.messages, 2u);
  EXPECT_EQ(s.kicks, 4u);
  EXPECT_EQ(s.cmd_words_popped, 3u);
  EXPECT_EQ(s.data_words_pushed, 2u);
  EXPECT_EQ(s.data_words_popped, 2u);
  EXPECT_EQ(s.max_cmd_level, 3u);
  EXPECT_EQ(s.max_data_level, 2u);
  EXPECT_EQ(m.link.stats(kB).kicks, 0u);
}

TEST(MailboxStats, CountsIrqAssertsPerTerminal) {
  Mbox m;
  m.set(kB, kCtrlIenRead);
  for (int i = 0; i < 2; ++i) {
    m.load_cmd(kA, {1});
    m.set(kA, kCtrlOen | kCtrlIenWrite);
    m.drain_cmd(kB, 1);
    m.set(kA, kCtrlIclrWrite);
    m.clr(kA, kCtrlOen);
  }
  EXPECT_EQ(m.link.terminal_stats(kB).irq_rx_asserts, 2u);
  EXPECT_EQ(m.link.terminal_stats(kA).irq_tx_asserts, 2u);
  EXPECT_EQ(m.link.terminal_stats(kA).irq_rx_asserts, 0u);
}

TEST(MailboxIrqCallback, ReportsEveryLevelChangeInOrder) {
  Mbox m;
  std::vector<std::tuple<Terminal, IrqKind, bool>> changes;
  m.link.on_irq_change(
      [&](Terminal t, IrqKind k, bool level) { changes.emplace_back(t, k, level); });
  m.set(kB, kCtrlIenRead);
  m.load_cmd(kA, {1});
  m.set(kA, kCtrlIenWrite | kCtrlOen);
  m.drain_cmd(kB, 1); // one access: B rx falls, A tx rises (A first in update order)
  m.set(kA, kCtrlIclrWrite);
  const std::vector<std::tuple<Terminal, IrqKind, bool>> expected = {
      {kB, IrqKind::kRx, true},
      {kA, IrqKind::kTx, true},
      {kB, IrqKind::kRx, false},
      {kA, IrqKind::kTx, false},
  };
  EXPECT_EQ(changes, expected);
}

} // namespace
} // namespace sim::models::test
