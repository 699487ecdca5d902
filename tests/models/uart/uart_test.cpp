// SPDX-License-Identifier: Apache-2.0
#include "models/uart/uart.h"

#include <gtest/gtest.h>

#include "models/common/tlm_util.h"
#include "tests/support/fake_initiator.h"

namespace sim::models {
namespace {

using sim::test::FakeInitiator;
using sim::test::Result;

constexpr Picoseconds kCharTime = 86805556;
const sc_core::sc_time kAccess(20, sc_core::SC_NS);

UartConfig config() {
  UartConfig c;
  c.name = sc_core::sc_gen_unique_name("uart");
  return c;
}

struct Bench {
  Bench() : uart(config()), cpu(sc_core::sc_gen_unique_name("cpu")) { cpu.out.bind(uart.in); }
  Uart uart;
  FakeInitiator cpu;
};

TEST(Uart, DataWriteCostsAccessLatencyAndTransmits) {
  Bench b;
  Result r = b.cpu.write32(UartCore::kDr, 'h');
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.delay, kAccess);
  EXPECT_EQ(b.uart.output(), "h");
}

TEST(Uart, DataWriteToFullFifoAddsTheStallToTheDelay) {
  Bench b;
  for (int i = 0; i < 32; ++i) ASSERT_EQ(b.cpu.write32(UartCore::kDr, 'x').delay, kAccess) << i;
  Result r = b.cpu.write32(UartCore::kDr, 'y');
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.delay, kAccess + ps_to_sc(kCharTime));
  EXPECT_EQ(b.uart.core().stats().stalls, 1u);
}

TEST(Uart, AccessTimeIncludesTheAnnotatedDelay) {
  Bench b;
  for (int i = 0; i < 32; ++i) b.cpu.write32(UartCore::kDr, 'x');
  // An initiator whose local time is one character later finds a free slot.
  std::uint32_t c = 'y';
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_address(UartCore::kDr);
  p.set_data_ptr(reinterpret_cast<unsigned char*>(&c));
  p.set_data_length(4);
  p.set_streaming_width(4);
  sc_core::sc_time delay = ps_to_sc(kCharTime);
  ASSERT_EQ(b.cpu.raw(p, delay), tlm::TLM_OK_RESPONSE);
  EXPECT_EQ(delay, ps_to_sc(kCharTime) + kAccess);
}

TEST(Uart, FlagReadReflectsFifoAtAccessTime) {
  Bench b;
  EXPECT_EQ(b.cpu.read32(UartCore::kFr).data, UartCore::kFrTxfe | UartCore::kFrRxfe);
  for (int i = 0; i < 32; ++i) b.cpu.write32(UartCore::kDr, 'x');
  Result r = b.cpu.read32(UartCore::kFr);
  EXPECT_EQ(r.data, UartCore::kFrBusy | UartCore::kFrTxff | UartCore::kFrRxfe);
  EXPECT_EQ(r.delay, kAccess);
}

TEST(Uart, DebugReadsRegistersWithoutSideEffects) {
  Bench b;
  b.cpu.write32(UartCore::kDr, 'a');
  std::uint32_t words[2] = {0xffffffff, 0xffffffff};
  EXPECT_EQ(b.cpu.dbg(tlm::TLM_READ_COMMAND, UartCore::kFr, &words[0], 4), 4u);
  EXPECT_EQ(words[0], UartCore::kFrBusy | UartCore::kFrRxfe);
  EXPECT_EQ(b.cpu.dbg(tlm::TLM_READ_COMMAND, UartCore::kDr, &words[0], 4), 4u);
  EXPECT_EQ(words[0], 0u);
  EXPECT_EQ(b.cpu.dbg(tlm::TLM_READ_COMMAND, UartCore::kIbrd, words, 8), 8u); // IBRD, FBRD
  EXPECT_EQ(b.cpu.dbg(tlm::TLM_READ_COMMAND, 0x100, words, 4), 0u);
  std::uint32_t c = 'b';
  EXPECT_EQ(b.cpu.dbg(tlm::TLM_WRITE_COMMAND, UartCore::kDr, &c, 4), 0u);
  EXPECT_EQ(b.uart.output(), "a");
  EXPECT_EQ(b.uart.core().stats().chars, 1u);
}

TEST(Uart, MalformedAccessesGetTheirTlmErrors) {
  Bench b;
  EXPECT_EQ(b.cpu.read32(0x100).status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(b.cpu.read32(Uart::kRegionSize).status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(b.cpu.write8(UartCore::kDr, 'a').status, tlm::TLM_BURST_ERROR_RESPONSE);
  EXPECT_EQ(b.cpu.write32(UartCore::kFr, 0).status, tlm::TLM_COMMAND_ERROR_RESPONSE);
  std::uint32_t c = 'a';
  std::uint8_t be[4] = {0xff, 0xff, 0xff, 0xff};
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_address(UartCore::kDr);
  p.set_data_ptr(reinterpret_cast<unsigned char*>(&c));
  p.set_data_length(4);
  p.set_streaming_width(4);
  p.set_byte_enable_ptr(be);
  p.set_byte_enable_length(4);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  EXPECT_EQ(b.cpu.raw(p, delay), tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
  EXPECT_TRUE(b.uart.output().empty());
}

TEST(Uart, LinesAreCapturedWithTimesAndCallback) {
  Bench b;
  std::vector<Uart::Line> seen;
  b.uart.on_line([&](const Uart::Line& l) { seen.push_back(l); });
  for (char c : std::string("boot ok\n"))
    b.cpu.write32(UartCore::kDr, static_cast<std::uint8_t>(c));
  ASSERT_EQ(b.uart.lines().size(), 1u);
  EXPECT_EQ(b.uart.lines()[0].text, "boot ok");
  EXPECT_EQ(b.uart.lines()[0].time, 8 * kCharTime);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].text, "boot ok");
}

} // namespace
} // namespace sim::models
