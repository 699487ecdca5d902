// SPDX-License-Identifier: Apache-2.0
// TccMailbox shell without a running kernel: sockets, responses, data, annotated delay, debug
// transport, and the link behind it (STYLE §13 "models" tier).
#include <gtest/gtest.h>

#include <cstring>

#include "models/mailbox/mailbox.h"
#include "tests/support/fake_initiator.h"

namespace sim::models {
namespace {

using namespace mbox;
using sc_core::SC_NS;
using sc_core::sc_time;
using sim::test::FakeInitiator;

const sc_time kAccessLatency(20, SC_NS);

struct Shell {
  Shell()
      : mbox(sc_core::sc_gen_unique_name("mbox")), cpu_a(sc_core::sc_gen_unique_name("cpu_a")),
        cpu_b(sc_core::sc_gen_unique_name("cpu_b")) {
    cpu_a.out.bind(mbox.a);
    cpu_b.out.bind(mbox.b);
  }
  TccMailbox mbox;
  FakeInitiator cpu_a;
  FakeInitiator cpu_b;
};

tlm::tlm_response_status raw_access(FakeInitiator& cpu, tlm::tlm_command cmd, std::uint64_t addr,
                                    unsigned len, unsigned streaming_width,
                                    unsigned char* byte_enables, sc_time& delay) {
  unsigned char data[16] = {};
  tlm::tlm_generic_payload p;
  p.set_command(cmd);
  p.set_address(addr);
  p.set_data_ptr(data);
  p.set_data_length(len);
  p.set_streaming_width(streaming_width);
  p.set_byte_enable_ptr(byte_enables);
  p.set_byte_enable_length(byte_enables != nullptr ? len : 0);
  p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  return cpu.raw(p, delay);
}

TEST(TccMailbox, WordWrittenOnSocketAIsReadOnSocketB) {
  Shell s;
  EXPECT_TRUE(s.cpu_a.write32(kCmdTxFifo, 0xcafe0001).ok());
  EXPECT_TRUE(s.cpu_a.write32(kCtrlSet, kCtrlOen).ok());
  const auto sts = s.cpu_b.read32(kCmdFifoSts);
  ASSERT_TRUE(sts.ok());
  EXPECT_EQ((sts.data >> kCmdStsRxCountShift) & kCmdStsCountMask, 1u);
  const auto word = s.cpu_b.read32(kCmdRxFifo);
  ASSERT_TRUE(word.ok());
  EXPECT_EQ(word.data, 0xcafe0001u);
  EXPECT_EQ(s.mbox.link().tx_cmd_level(Terminal::kA), 0u);
}

TEST(TccMailbox, EveryAccessAddsTheAccessLatencyToTheAnnotatedDelay) {
  Shell s;
  EXPECT_EQ(s.cpu_a.write32(kCtrl, kCtrlIenRead).delay, kAccessLatency);
  EXPECT_EQ(s.cpu_a.read32(kCtrl).delay, kAccessLatency);
  sc_time delay(5, SC_NS);
  raw_access(s.cpu_a, tlm::TLM_READ_COMMAND, kCtrl, 4, 4, nullptr, delay);
  EXPECT_EQ(delay, sc_time(5, SC_NS) + kAccessLatency);
}

TEST(TccMailbox, AccessLatencyComesFromTheConfig) {
  MailboxConfig config;
  config.access_latency = 7 * kPsPerNs;
  TccMailbox mbox(sc_core::sc_gen_unique_name("mbox"), config);
  FakeInitiator cpu(sc_core::sc_gen_unique_name("cpu"));
  cpu.out.bind(mbox.a);
  EXPECT_EQ(cpu.read32(kCtrl).delay, sc_time(7, SC_NS));
}

TEST(TccMailbox, ReadsReturnRegisterContents) {
  Shell s;
  ASSERT_TRUE(s.cpu_b.write32(kOppositeSts, 1).ok());
  const auto r = s.cpu_a.read32(kOppositeSts);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.data, kOppTmnSts);
  EXPECT_EQ(s.cpu_a.read32(kCmdFifoSts).data, kCmdStsTxEmpty | kCmdStsRxEmpty);
}

TEST(TccMailbox, MisalignedAndNonWordAccessesAreBurstErrors) {
  Shell s;
  EXPECT_EQ(s.cpu_a.read(kCtrl + 2, 2).status, tlm::TLM_BURST_ERROR_RESPONSE);
  EXPECT_EQ(s.cpu_a.read(kCtrl, 2).status, tlm::TLM_BURST_ERROR_RESPONSE);
  EXPECT_EQ(s.cpu_a.write8(kCmdTxFifo, 1).status, tlm::TLM_BURST_ERROR_RESPONSE);
  EXPECT_EQ(s.cpu_a.read(kCtrl, 8).status, tlm::TLM_BURST_ERROR_RESPONSE);
  EXPECT_EQ(s.cpu_a.read32(kCtrl + 1).status, tlm::TLM_BURST_ERROR_RESPONSE);
  EXPECT_EQ(s.mbox.link().tx_cmd_level(Terminal::kA), 0u);
}

TEST(TccMailbox, StreamingWidthBelowLengthIsABurstError) {
  Shell s;
  sc_time delay = sc_core::SC_ZERO_TIME;
  EXPECT_EQ(raw_access(s.cpu_a, tlm::TLM_READ_COMMAND, kCtrl, 4, 2, nullptr, delay),
            tlm::TLM_BURST_ERROR_RESPONSE);
}

TEST(TccMailbox, ByteEnablesAreRejected) {
  Shell s;
  unsigned char enables[4] = {0xff, 0xff, 0xff, 0xff};
  sc_time delay = sc_core::SC_ZERO_TIME;
  EXPECT_EQ(raw_access(s.cpu_a, tlm::TLM_WRITE_COMMAND, kCmdTxFifo, 4, 4, enables, delay),
            tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
  EXPECT_EQ(s.mbox.link().tx_cmd_level(Terminal::kA), 0u);
}

TEST(TccMailbox, OutOfWindowAndUnusedOffsetsAreAddressErrors) {
  Shell s;
  EXPECT_EQ(s.cpu_a.read32(kWindowBytes).status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(s.cpu_a.read(kWindowBytes - 4, 8).status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(s.cpu_b.read32(0x48).status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(s.cpu_b.write32(0x80, 1).status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

TEST(TccMailbox, WrongDirectionAccessesAreCommandErrors) {
  Shell s;
  EXPECT_EQ(s.cpu_a.read32(kCtrlSet).status, tlm::TLM_COMMAND_ERROR_RESPONSE);
  EXPECT_EQ(s.cpu_a.write32(kCmdFifoSts, 0).status, tlm::TLM_COMMAND_ERROR_RESPONSE);
  sc_time delay = sc_core::SC_ZERO_TIME;
  EXPECT_EQ(raw_access(s.cpu_a, tlm::TLM_IGNORE_COMMAND, kCtrl, 4, 4, nullptr, delay),
            tlm::TLM_COMMAND_ERROR_RESPONSE);
}

TEST(TccMailbox, ErrorResponsesStillCostTheAccessLatency) {
  Shell s;
  EXPECT_EQ(s.cpu_a.read32(0x48).delay, kAccessLatency);
}

TEST(TccMailbox, DebugReadHasNoSideEffects) {
  Shell s;
  s.cpu_b.write32(kCmdTxFifo, 0x1234);
  s.cpu_b.write32(kCtrlSet, kCtrlOen);
  std::uint32_t v = 0;
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(s.cpu_a.dbg(tlm::TLM_READ_COMMAND, kCmdRxFifo, &v, 4), 4u);
    EXPECT_EQ(v, 0x1234u);
  }
  EXPECT_EQ(s.mbox.link().tx_cmd_level(Terminal::kB), 1u);
  EXPECT_EQ(s.cpu_a.read32(kCmdRxFifo).data, 0x1234u);
}

TEST(TccMailbox, DebugReadCoversSeveralWordsAndStopsAtTheFirstHole) {
  Shell s;
  s.cpu_a.write32(kCtrl, kCtrlIenRead);
  std::uint32_t words[4] = {};
  EXPECT_EQ(s.cpu_a.dbg(tlm::TLM_READ_COMMAND, kCtrl, words, 16), 8u); // 0x48 is a hole
  EXPECT_EQ(words[0], kCtrlIenRead);
  EXPECT_EQ(words[1], kCmdStsTxEmpty | kCmdStsRxEmpty);
}

TEST(TccMailbox, DebugWritesAndBadDebugAccessesHandleNothing) {
  Shell s;
  std::uint32_t v = 1;
  EXPECT_EQ(s.cpu_a.dbg(tlm::TLM_WRITE_COMMAND, kCmdTxFifo, &v, 4), 0u);
  EXPECT_EQ(s.mbox.link().tx_cmd_level(Terminal::kA), 0u);
  EXPECT_EQ(s.cpu_a.dbg(tlm::TLM_READ_COMMAND, kCtrlSet, &v, 4), 0u);
  EXPECT_EQ(s.cpu_a.dbg(tlm::TLM_READ_COMMAND, kCtrl + 2, &v, 4), 0u);
  EXPECT_EQ(s.cpu_a.dbg(tlm::TLM_READ_COMMAND, kWindowBytes, &v, 4), 0u);
}

TEST(TccMailbox, LevelChangeIsComputedAtOnceAndItsPinChangeQueued) {
  Shell s;
  s.cpu_b.write32(kCtrlSet, kCtrlIenRead);
  s.cpu_a.write32(kCmdTxFifo, 1);
  EXPECT_EQ(s.mbox.pending_irq_changes(), 0u);
  s.cpu_a.write32(kCtrlSet, kCtrlOen);
  EXPECT_TRUE(s.mbox.link().irq_rx(Terminal::kB));
  EXPECT_EQ(s.mbox.pending_irq_changes(), 1u);
}

TEST(TccMailbox, EmptyConfigNameBecomesTheHierarchicalName) {
  TccMailbox mbox("mbox_named");
  EXPECT_EQ(mbox.link().bank(Terminal::kA).name(), "mbox_named.a");
  EXPECT_STREQ(mbox.a.basename(), "a");
  EXPECT_STREQ(mbox.irq_tx_b.basename(), "irq_tx_b");
}

} // namespace
} // namespace sim::models
