// SPDX-License-Identifier: Apache-2.0
// The Linux mailbox framework channel on FakeHal: one message in flight, a queue of
// MBOX_TX_QUEUE_LEN, -ENOBUFS beyond it, -EBUSY leaving the message queued.
#include <gtest/gtest.h>

#include <vector>

#include "sw/linux/linux.h"
#include "sw/linux/mbox_chan.h"
#include "sw/linux/printk.h"
#include "tests/support/fake_hal.h"

namespace sim::test {
namespace {

using sw::lnx::MboxChan;
using sw::lnx::MboxMessage;
using sw::lnx::Printk;

MboxMessage word(std::uint32_t w) {
  MboxMessage m;
  m.cmd[0] = w;
  m.cmd_len = 1;
  return m;
}

struct ChanFixture {
  FakeHal hal{"master"};
  Printk printk{hal, true, 7, 0};
  MboxChan chan{printk, "17470000.mbox", 20};
  std::vector<std::uint32_t> sent;
  int busy_left = 0;

  ChanFixture() {
    chan.set_send_data([this](const MboxMessage& m) {
      if (busy_left > 0) {
        --busy_left;
        return sw::lnx::kEbusy;
      }
      sent.push_back(m.cmd[0]);
      return 0;
    });
  }
};

TEST(LinuxMboxChan, QueuesBehindTheActiveMessageAndFailsWithEnobufsWhenFull) {
  ChanFixture f;
  EXPECT_GE(f.chan.send_message(word(0)), 0);
  for (std::uint32_t i = 1; i <= 20; ++i) EXPECT_GE(f.chan.send_message(word(i)), 0) << i;
  EXPECT_EQ(f.sent, (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(f.chan.queued(), 20u);
  EXPECT_EQ(f.chan.send_message(word(21)), sw::lnx::kEnobufs);
  EXPECT_NE(
      f.hal.console_output().find("tcc-mailbox 17470000.mbox: Try increasing MBOX_TX_QUEUE_LEN\n"),
      std::string::npos);
}

TEST(LinuxMboxChan, TxDoneSubmitsTheNextMessageInOrder) {
  ChanFixture f;
  for (std::uint32_t i = 0; i < 3; ++i) f.chan.send_message(word(i));
  f.chan.txdone(0);
  f.chan.txdone(0);
  EXPECT_EQ(f.sent, (std::vector<std::uint32_t>{0, 1, 2}));
  f.chan.txdone(0);
  EXPECT_FALSE(f.chan.active());
}

TEST(LinuxMboxChan, BusyControllerLeavesTheMessageQueuedUntilTheNextSubmit) {
  ChanFixture f;
  f.busy_left = 1;
  EXPECT_GE(f.chan.send_message(word(7)), 0);
  EXPECT_TRUE(f.sent.empty());
  EXPECT_FALSE(f.chan.active());
  EXPECT_EQ(f.chan.queued(), 1u);
  EXPECT_EQ(f.chan.busy(), 1u);
  // Nothing retries by itself (TXDONE_BY_IRQ); the next send submits the oldest message.
  f.chan.send_message(word(8));
  EXPECT_EQ(f.sent, (std::vector<std::uint32_t>{7}));
  EXPECT_EQ(f.chan.queued(), 1u);
}

TEST(LinuxMboxChan, ReceivedWordsReachTheClient) {
  ChanFixture f;
  std::vector<std::uint32_t> got;
  f.chan.set_rx_callback([&got](const std::uint32_t* w, std::size_t n) { got.assign(w, w + n); });
  const std::uint32_t words[2] = {0, 1};
  f.chan.received(words, 2);
  EXPECT_EQ(got, (std::vector<std::uint32_t>{0, 1}));
}

} // namespace
} // namespace sim::test
