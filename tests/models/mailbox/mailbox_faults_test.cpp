// SPDX-License-Identifier: Apache-2.0
// Fault injection on the mailbox link: the nth message of one sender dropped, duplicated or held
// back, driven with the Linux v2 driver sequence.
#include <gtest/gtest.h>

#include "tests/models/mailbox/mailbox_test_util.h"

namespace sim::models::test {
namespace {

using namespace mbox;

struct Faulty {
  Mbox m;
  std::vector<std::size_t> fired;
  Faulty(unsigned nth, KickFault action) {
    m.link.add_kick_fault(kA, nth, action);
    m.link.on_kick_fault([this](std::size_t i) { fired.push_back(i); });
    m.linux_startup(kA);
    m.linux_startup(kB);
  }
  /// One complete Linux send from A with its TX-done handling (ICLR, OEN off) when it came.
  void send(std::uint32_t word) { ASSERT_TRUE(m.linux_send(kA, {word})); }
  void tx_done() {
    m.set(kA, kCtrlIclrWrite);
    m.clr(kA, kCtrlOen);
  }
  std::vector<std::uint32_t> receive() {
    const unsigned n = rx_count(m.rd(kB, kCmdFifoSts));
    return m.drain_cmd(kB, n);
  }
};

TEST(MailboxFaults, DropMakesTheNthMessageVanishButCompletesTheSend) {
  Faulty f(2, KickFault::kDrop);
  f.send(1);
  EXPECT_EQ(f.receive(), (std::vector<std::uint32_t>{1}));
  f.tx_done();
  f.send(2);
  EXPECT_FALSE(f.m.link.irq_rx(kB));
  EXPECT_TRUE(f.receive().empty());
  EXPECT_TRUE(f.m.link.irq_tx(kA)); // the sender is not left waiting
  f.tx_done();
  f.send(3);
  EXPECT_EQ(f.receive(), (std::vector<std::uint32_t>{3}));
  EXPECT_EQ(f.fired, (std::vector<std::size_t>{0}));
  EXPECT_EQ(f.m.link.stats(kA).fault_dropped, 1u);
}

TEST(MailboxFaults, SendCallbackSaysWhichMessageADropFaultLost) {
  Faulty f(2, KickFault::kDrop);
  std::vector<bool> delivered;
  f.m.link.on_send([&](Terminal, bool d) { delivered.push_back(d); });
  f.send(1);
  f.receive();
  f.tx_done();
  f.send(2);
  f.tx_done();
  f.send(3);
  EXPECT_EQ(delivered, (std::vector<bool>{true, false, true}));
}

TEST(MailboxFaults, DuplicateDeliversTheWordsTwice) {
  Faulty f(1, KickFault::kDuplicate);
  f.send(7);
  EXPECT_EQ(f.receive(), (std::vector<std::uint32_t>{7, 7}));
  EXPECT_EQ(f.m.link.stats(kA).fault_duplicated, 1u);
}

TEST(MailboxFaults, DelayHoldsTheMessageUntilDelivered) {
  Faulty f(1, KickFault::kDelay);
  f.send(9);
  EXPECT_FALSE(f.m.link.irq_rx(kB));
  EXPECT_FALSE(f.m.link.irq_tx(kA)); // no TX-done while held
  f.m.link.deliver_held(kA);
  EXPECT_TRUE(f.m.link.irq_rx(kB));
  EXPECT_EQ(f.receive(), (std::vector<std::uint32_t>{9}));
  EXPECT_TRUE(f.m.link.irq_tx(kA));
}

TEST(MailboxFaults, AHeldMessageKeepsTheSenderBusySoNothingOvertakesIt) {
  Faulty f(1, KickFault::kDelay);
  f.send(9);
  EXPECT_TRUE(f.receive().empty());       // the peer sees an empty FIFO
  EXPECT_FALSE(f.m.linux_send(kA, {10})); // the sender's TX FIFO is not empty: -EBUSY
  f.m.link.deliver_held(kA);
  EXPECT_EQ(f.receive(), (std::vector<std::uint32_t>{9}));
  f.tx_done();
  f.send(10);
  EXPECT_EQ(f.receive(), (std::vector<std::uint32_t>{10}));
}

TEST(MailboxFaults, SendCallbackSeesEverySendOfBothTerminals) {
  Mbox m;
  std::vector<Terminal> sends;
  m.link.on_send([&](Terminal t, bool delivered) {
    EXPECT_TRUE(delivered);
    sends.push_back(t);
  });
  m.linux_startup(kA);
  m.linux_startup(kB);
  ASSERT_TRUE(m.linux_send(kA, {1}));
  ASSERT_TRUE(m.linux_send(kB, {2}));
  EXPECT_EQ(sends, (std::vector<Terminal>{kA, kB}));
}

TEST(MailboxFaults, OtherSenderAndOtherMessagesAreUntouched) {
  Faulty f(3, KickFault::kDrop);
  ASSERT_TRUE(f.m.linux_send(kB, {5}));
  EXPECT_EQ(f.m.drain_cmd(kA, 1), (std::vector<std::uint32_t>{5}));
  f.send(1);
  EXPECT_EQ(f.receive(), (std::vector<std::uint32_t>{1}));
  EXPECT_TRUE(f.fired.empty());
  EXPECT_THROW(f.m.link.add_kick_fault(kA, 0, KickFault::kDrop), std::invalid_argument);
}

} // namespace
} // namespace sim::models::test
