// SPDX-License-Identifier: Apache-2.0
// MailboxLink FIFOs: command and data queues, FIFO vs indexed mode, status layouts, OEN
// visibility, shared-queue draining and flushes.
#include <gtest/gtest.h>

#include "tests/models/mailbox/mailbox_test_util.h"
#include "tests/support/log_capture.h"

namespace sim::models::test {
namespace {

using namespace mbox;

constexpr unsigned kCmdDepth = 8;
constexpr unsigned kDataDepth = 128;

MailboxConfig ungated() {
  MailboxConfig c;
  c.oen_gates_visibility = false;
  return c;
}

MailboxConfig indexed() {
  MailboxConfig c;
  c.cmd_index_mode = true;
  return c;
}

TEST(MailboxCmdFifo, WordsArriveAtThePeerInWriteOrder) {
  Mbox m;
  m.load_cmd(kA, {0x10, 0x20, 0x30});
  m.set(kA, kCtrlOen);
  EXPECT_EQ(m.drain_cmd(kB, 3), (std::vector<std::uint32_t>{0x10, 0x20, 0x30}));
}

TEST(MailboxCmdFifo, EachDirectionHasItsOwnQueue) {
  Mbox m;
  m.load_cmd(kA, {0xa1});
  m.load_cmd(kB, {0xb1, 0xb2});
  m.set(kA, kCtrlOen);
  m.set(kB, kCtrlOen);
  EXPECT_EQ(rx_count(m.rd(kA, kCmdFifoSts)), 2u);
  EXPECT_EQ(rx_count(m.rd(kB, kCmdFifoSts)), 1u);
  EXPECT_EQ(m.drain_cmd(kA, 2), (std::vector<std::uint32_t>{0xb1, 0xb2}));
  EXPECT_EQ(m.drain_cmd(kB, 1), (std::vector<std::uint32_t>{0xa1}));
}

TEST(MailboxCmdFifo, WriteToAFullFifoIsDroppedWithAWarning) {
  Mbox m;
  sim::test::LogCapture::instance().expect(log::Level::kWarn, "TX command FIFO full");
  for (unsigned i = 0; i < kCmdDepth; ++i) m.wr(kA, kCmdTxFifo, i + 1);
  m.wr(kA, kCmdTxFifo, 0x99);
  m.set(kA, kCtrlOen);
  EXPECT_EQ(tx_count(m.rd(kA, kCmdFifoSts)), kCmdDepth);
  EXPECT_EQ(m.drain_cmd(kB, kCmdDepth), (std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(m.link.stats(kA).cmd_words_dropped, 1u);
  EXPECT_EQ(m.link.stats(kA).kicks, kCmdDepth);
}

TEST(MailboxCmdFifo, ReadingAnEmptyFifoReturnsZeroWithoutUnderflow) {
  Mbox m;
  m.set(kA, kCtrlOen);
  EXPECT_EQ(m.rd(kB, kCmdRxFifo), 0u);
  EXPECT_EQ(m.rd(kB, kCmdRxFifo + 4), 0u);
  m.load_cmd(kA, {0x5a});
  EXPECT_EQ(rx_count(m.rd(kB, kCmdFifoSts)), 1u);
  EXPECT_EQ(m.rd(kB, kCmdRxFifo), 0x5au);
  EXPECT_EQ(m.link.stats(kA).empty_reads, 2u);
}

TEST(MailboxCmdFifo, FifoModeRoundTripsTheMultichannelEighthWordAtOffsetZero) {
  // TCC805x multichannel (reference §2.4): words 0..6 at TXD(0..6), the 8th at TXD(0) again;
  // the peer reads it from RXD(7).
  Mbox m;
  const std::vector<std::uint32_t> words = {0x46, 1, 2, 3, 4, 5, 6, 0x49504321};
  for (unsigned i = 0; i < 7; ++i) m.wr(kA, kCmdTxFifo + 4 * i, words[i]);
  m.wr(kA, kCmdTxFifo + 0, words[7]);
  m.set(kA, kCtrlOen);
  std::vector<std::uint32_t> got;
  for (unsigned i = 0; i < 8; ++i) got.push_back(m.rd(kB, kCmdRxFifo + 4 * i));
  EXPECT_EQ(got, words);
  EXPECT_EQ(m.rd(kB, kCmdFifoSts) & kCmdStsRxEmpty, kCmdStsRxEmpty);
}

TEST(MailboxCmdFifo, IndexedModeLosesTheMultichannelEighthWord) {
  Mbox m(indexed());
  const std::vector<std::uint32_t> words = {0x46, 1, 2, 3, 4, 5, 6, 0x49504321};
  for (unsigned i = 0; i < 7; ++i) m.wr(kA, kCmdTxFifo + 4 * i, words[i]);
  m.wr(kA, kCmdTxFifo + 0, words[7]);
  m.set(kA, kCtrlOen);
  EXPECT_EQ(rx_count(m.rd(kB, kCmdFifoSts)), 8u);
  EXPECT_EQ(m.rd(kB, kCmdRxFifo + 0), words[7]); // slot 0 was overwritten
  EXPECT_EQ(m.rd(kB, kCmdRxFifo + 4 * 7), 0u);   // slot 7 was never written
}

TEST(MailboxCmdFifo, IndexedModeReturnsTheAddressedSlotAndCountsReads) {
  Mbox m(indexed());
  m.load_cmd(kA, {0x10, 0x20, 0x30});
  m.set(kA, kCtrlOen);
  EXPECT_EQ(m.rd(kB, kCmdRxFifo + 8), 0x30u);
  EXPECT_EQ(rx_count(m.rd(kB, kCmdFifoSts)), 2u);
  EXPECT_EQ(m.rd(kB, kCmdRxFifo + 0), 0x10u);
  EXPECT_EQ(m.rd(kB, kCmdRxFifo + 4), 0x20u);
  EXPECT_EQ(m.rd(kA, kCmdFifoSts) & kCmdStsTxEmpty, kCmdStsTxEmpty);
}

TEST(MailboxCmdFifo, IndexedModeFlushClearsTheSlots) {
  Mbox m(indexed());
  m.load_cmd(kA, {0x10});
  m.set(kA, kCtrlCfFlush);
  m.wr(kA, kCmdTxFifo + 4, 0x22); // one word, in slot 1: slot 0 must not hold the old 0x10
  m.set(kA, kCtrlOen);
  EXPECT_EQ(m.rd(kB, kCmdRxFifo), 0u);
}

TEST(MailboxDataFifo, WordsArriveInOrderAndFullDrops) {
  Mbox m;
  sim::test::LogCapture::instance().expect(log::Level::kWarn, "TX data FIFO full");
  for (unsigned i = 0; i < kDataDepth; ++i) m.wr(kA, kDatFifoTxd, 1000 + i);
  m.wr(kA, kDatFifoTxd, 0xdead);
  m.set(kA, kCtrlOen);
  const auto got = m.drain_data(kB, kDataDepth);
  for (unsigned i = 0; i < kDataDepth; ++i) ASSERT_EQ(got[i], 1000 + i);
  EXPECT_EQ(m.rd(kB, kDatFifoRxd), 0u);
  EXPECT_EQ(m.link.stats(kA).data_words_dropped, 1u);
  EXPECT_EQ(m.link.stats(kA).data_words_pushed, kDataDepth);
  EXPECT_EQ(m.link.stats(kA).data_words_popped, kDataDepth);
}

TEST(MailboxStatus, CmdFifoStatusTxHalfShowsEmptyFullAndCount) {
  Mbox m;
  EXPECT_EQ(m.rd(kA, kCmdFifoSts) & 0xffu, kCmdStsTxEmpty);
  m.load_cmd(kA, {1, 2, 3});
  EXPECT_EQ(m.rd(kA, kCmdFifoSts) & 0xffu, 3u << kCmdStsTxCountShift);
  m.load_cmd(kA, {4, 5, 6, 7, 8});
  EXPECT_EQ(m.rd(kA, kCmdFifoSts) & 0xffu, kCmdStsTxFull | (8u << kCmdStsTxCountShift));
}

TEST(MailboxStatus, CmdFifoStatusRxHalfShowsEmptyFullAndCount) {
  Mbox m;
  m.set(kB, kCtrlOen);
  EXPECT_EQ(m.rd(kA, kCmdFifoSts) & 0xffff0000u, kCmdStsRxEmpty);
  m.load_cmd(kB, {1, 2, 3});
  EXPECT_EQ(m.rd(kA, kCmdFifoSts) & 0xffff0000u, 3u << kCmdStsRxCountShift);
  m.load_cmd(kB, {4, 5, 6, 7, 8});
  EXPECT_EQ(m.rd(kA, kCmdFifoSts) & 0xffff0000u, kCmdStsRxFull | (8u << kCmdStsRxCountShift));
  EXPECT_EQ(m.rd(kA, kCmdFifoSts) & 0xffffu, kCmdStsTxEmpty); // A's own TX is untouched
}

TEST(MailboxStatus, DataStatusShowsEmptyFullAndCountOnBothSides) {
  Mbox m;
  m.set(kA, kCtrlOen);
  m.load_data(kA, {1, 2, 3});
  EXPECT_EQ(m.rd(kA, kDatFifoTxSts), 3u);
  EXPECT_EQ(m.rd(kB, kDatFifoRxSts), 3u);
  EXPECT_EQ(m.rd(kB, kDatFifoTxSts), kDatStsEmpty);
  for (unsigned i = 3; i < kDataDepth; ++i) m.wr(kA, kDatFifoTxd, i);
  EXPECT_EQ(m.rd(kA, kDatFifoTxSts), kDatStsFull | kDataDepth);
  EXPECT_EQ(m.rd(kB, kDatFifoRxSts), kDatStsFull | kDataDepth);
}

TEST(MailboxVisibility, WordsCountInSenderStatusAtOnceButStayHiddenUntilOen) {
  Mbox m;
  m.load_cmd(kA, {0x77, 0x78});
  m.load_data(kA, {0x99});
  EXPECT_EQ(tx_count(m.rd(kA, kCmdFifoSts)), 2u);
  EXPECT_EQ(m.rd(kA, kDatFifoTxSts), 1u);
  EXPECT_EQ(m.rd(kB, kCmdFifoSts) & 0xffff0000u, kCmdStsRxEmpty);
  EXPECT_EQ(m.rd(kB, kDatFifoRxSts), kDatStsEmpty);
  EXPECT_EQ(m.rd(kB, kCmdRxFifo), 0u);  // hidden: no pop
  EXPECT_EQ(m.rd(kB, kDatFifoRxd), 0u); // hidden: no pop
  m.set(kA, kCtrlOen);
  EXPECT_EQ(rx_count(m.rd(kB, kCmdFifoSts)), 2u);
  EXPECT_EQ(m.drain_cmd(kB, 2), (std::vector<std::uint32_t>{0x77, 0x78}));
  EXPECT_EQ(m.drain_data(kB, 1), (std::vector<std::uint32_t>{0x99}));
}

TEST(MailboxVisibility, HiddenFullFifosDoNotReportRxFull) {
  Mbox m;
  for (unsigned i = 0; i < kCmdDepth; ++i) m.wr(kA, kCmdTxFifo, i);
  for (unsigned i = 0; i < kDataDepth; ++i) m.wr(kA, kDatFifoTxd, i);
  EXPECT_EQ(m.rd(kA, kCmdFifoSts) & kCmdStsTxFull, kCmdStsTxFull);
  EXPECT_EQ(m.rd(kA, kDatFifoTxSts) & kDatStsFull, kDatStsFull);
  EXPECT_EQ(m.rd(kB, kCmdFifoSts) & 0xffff0000u, kCmdStsRxEmpty);
  EXPECT_EQ(m.rd(kB, kDatFifoRxSts), kDatStsEmpty);
}

TEST(MailboxVisibility, ClearingOenHidesWordsNotYetRead) {
  Mbox m;
  m.load_cmd(kA, {1, 2});
  m.set(kA, kCtrlOen);
  m.rd(kB, kCmdRxFifo);
  m.clr(kA, kCtrlOen);
  EXPECT_EQ(m.rd(kB, kCmdFifoSts) & kCmdStsRxEmpty, kCmdStsRxEmpty);
  EXPECT_EQ(tx_count(m.rd(kA, kCmdFifoSts)), 1u);
}

TEST(MailboxVisibility, UngatedOptionShowsWordsWithoutOen) {
  Mbox m(ungated());
  m.load_cmd(kA, {0x31});
  m.load_data(kA, {0x32});
  m.set(kB, kCtrlIenRead);
  EXPECT_EQ(rx_count(m.rd(kB, kCmdFifoSts)), 1u);
  EXPECT_EQ(m.rd(kB, kDatFifoRxSts), 1u);
  EXPECT_TRUE(m.link.irq_rx(kB));
  EXPECT_EQ(m.rd(kB, kCmdRxFifo), 0x31u);
  EXPECT_EQ(m.rd(kB, kDatFifoRxd), 0x32u);
}

TEST(MailboxSharedQueue, PeerPopDrainsTheSenderTxStatus) {
  Mbox m;
  m.load_cmd(kA, {1, 2, 3});
  m.load_data(kA, {4, 5});
  m.set(kA, kCtrlOen);
  m.drain_cmd(kB, 2);
  m.drain_data(kB, 1);
  EXPECT_EQ(tx_count(m.rd(kA, kCmdFifoSts)), 1u);
  EXPECT_EQ(m.rd(kA, kDatFifoTxSts), 1u);
  m.drain_cmd(kB, 1);
  m.drain_data(kB, 1);
  EXPECT_EQ(m.rd(kA, kCmdFifoSts) & 0xffu, kCmdStsTxEmpty);
  EXPECT_EQ(m.rd(kA, kDatFifoTxSts), kDatStsEmpty);
}

TEST(MailboxFlush, CfFlushEmptiesOwnTxCmdFifoOnlyAndReadsBackZero) {
  Mbox m;
  m.load_cmd(kA, {1, 2, 3});
  m.load_data(kA, {4});
  m.load_cmd(kB, {9});
  m.wr(kA, kCtrl, kCtrlCfFlush | kCtrlIenRead);
  EXPECT_EQ(m.rd(kA, kCtrl), kCtrlIenRead);
  EXPECT_EQ(m.rd(kA, kCmdFifoSts) & 0xffu, kCmdStsTxEmpty);
  EXPECT_EQ(m.rd(kA, kDatFifoTxSts), 1u);
  EXPECT_EQ(m.link.tx_cmd_level(kB), 1u);
  EXPECT_EQ(m.link.stats(kA).cmd_flushes, 1u);
  EXPECT_EQ(m.link.stats(kA).cmd_words_flushed, 3u);
}

TEST(MailboxFlush, DfFlushEmptiesOwnTxDataFifoOnlyAndReadsBackZero) {
  Mbox m;
  m.load_cmd(kA, {1});
  m.load_data(kA, {4, 5});
  m.load_data(kB, {6});
  m.set(kA, kCtrlDfFlush);
  EXPECT_EQ(m.rd(kA, kCtrl), 0u);
  EXPECT_EQ(m.rd(kA, kDatFifoTxSts), kDatStsEmpty);
  EXPECT_EQ(tx_count(m.rd(kA, kCmdFifoSts)), 1u);
  EXPECT_EQ(m.link.tx_data_level(kB), 1u);
  EXPECT_EQ(m.link.stats(kA).data_flushes, 1u);
  EXPECT_EQ(m.link.stats(kA).data_words_flushed, 2u);
}

TEST(MailboxFlush, FlushAfterDeliveryLetsTheFifoBeReused) {
  // U-Boot "finish": clear OEN and pulse both flushes, then the next send reuses the FIFOs.
  Mbox m;
  m.load_cmd(kA, {1});
  m.set(kA, kCtrlOen);
  m.drain_cmd(kB, 1);
  m.clr(kA, kCtrlOen);
  m.set(kA, kCtrlCfFlush | kCtrlDfFlush);
  m.load_cmd(kA, {2});
  m.set(kA, kCtrlOen);
  EXPECT_EQ(m.drain_cmd(kB, 1), (std::vector<std::uint32_t>{2}));
}

} // namespace
} // namespace sim::models::test
