// SPDX-License-Identifier: Apache-2.0
#include "models/uart/uart_core.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/support/log_capture.h"

namespace sim::models {
namespace {

using regs::Status;

constexpr Picoseconds kCharTime = 86805556; // 10 bits at 115200 Bd, rounded to 1 ps

UartConfig config() {
  UartConfig c;
  c.name = "uart";
  return c;
}

void print(UartCore& uart, const std::string& text, Picoseconds now) {
  for (char c : text) now = uart.accept(c, now);
}

TEST(UartCore, CharacterTimeFollowsBaudAndFrame) {
  UartCore uart(config());
  EXPECT_EQ(uart.char_time(), kCharTime);
  UartConfig slow = config();
  slow.baud = 9600;
  slow.bits_per_char = 11;                                    // 8E1
  EXPECT_EQ(UartCore(slow).char_time(), 11 * kPsPerS / 9600); // 1145833333.3 rounds down
}

TEST(UartCore, FirstDepthCharactersEnterAtOnceAndTheNextWaitsOneCharacter) {
  UartCore uart(config());
  for (int i = 0; i < 32; ++i) ASSERT_EQ(uart.accept('x', 0), 0u) << i;
  EXPECT_EQ(uart.accept('y', 0), kCharTime);
  EXPECT_EQ(uart.accept('z', 0), 2 * kCharTime) << "FIFO order: waits behind 'y'";
  EXPECT_EQ(uart.stats().stalls, 2u);
  EXPECT_EQ(uart.stats().stall_time, 3 * kCharTime);
}

TEST(UartCore, SixtyCharacterLineTakesAbout5Point21Milliseconds) {
  UartCore uart(config());
  print(uart, std::string(59, 'a') + "\n", 0);
  ASSERT_EQ(uart.lines().size(), 1u);
  const double ms = static_cast<double>(uart.lines()[0].time) / static_cast<double>(kPsPerMs);
  EXPECT_NEAR(ms, 5.2083, 0.087); // +-1 character
  EXPECT_EQ(uart.lines()[0].text, std::string(59, 'a'));
  EXPECT_EQ(uart.stats().busy_time, 60 * kCharTime);
}

TEST(UartCore, CharactersAreSerialisedBackToBack) {
  UartCore uart(config());
  uart.accept('a', 0);
  uart.accept('\n', 10);
  EXPECT_EQ(uart.lines()[0].time, 2 * kCharTime);
}

TEST(UartCore, IdleGapRestartsTheWireAtTheNextWrite) {
  UartCore uart(config());
  print(uart, "a\n", 0);
  const Picoseconds later = 3 * kPsPerMs;
  EXPECT_EQ(uart.accept('b', later), later);
  uart.accept('\n', later);
  ASSERT_EQ(uart.lines().size(), 2u);
  EXPECT_EQ(uart.lines()[1].time, later + 2 * kCharTime);
}

TEST(UartCore, FlagsFollowTheFifoOverTime) {
  UartCore uart(config());
  const std::uint32_t idle = UartCore::kFrTxfe | UartCore::kFrRxfe;
  EXPECT_EQ(uart.flags(0), idle);
  uart.accept('a', 0);
  EXPECT_EQ(uart.flags(0), UartCore::kFrBusy | UartCore::kFrRxfe);
  EXPECT_EQ(uart.flags(kCharTime - 1) & UartCore::kFrBusy, UartCore::kFrBusy);
  EXPECT_EQ(uart.flags(kCharTime), idle);
  for (int i = 0; i < 31; ++i) uart.accept('b', 0);
  EXPECT_EQ(uart.fifo_level(0), 32u);
  EXPECT_EQ(uart.flags(0), UartCore::kFrBusy | UartCore::kFrTxff | UartCore::kFrRxfe);
  EXPECT_EQ(uart.flags(kCharTime), UartCore::kFrBusy | UartCore::kFrRxfe) << "one slot free";
  EXPECT_EQ(uart.flags(32 * kCharTime), idle);
}

TEST(UartCore, CapturesLinesWithoutCarriageReturnAndCallsBack) {
  UartCore uart(config());
  std::vector<std::string> seen;
  uart.on_line([&](const UartCore::Line& l) { seen.push_back(l.text); });
  print(uart, "hello\r\nworld\r\npart", 0);
  EXPECT_EQ(uart.output(), "hello\r\nworld\r\npart");
  ASSERT_EQ(uart.lines().size(), 2u);
  EXPECT_EQ(uart.lines()[0].text, "hello");
  EXPECT_EQ(uart.lines()[0].time, 7 * kCharTime);
  EXPECT_EQ(uart.lines()[1].text, "world");
  EXPECT_EQ(uart.lines()[1].time, 14 * kCharTime);
  EXPECT_EQ(uart.partial_line(), "part");
  EXPECT_EQ(seen, (std::vector<std::string>{"hello", "world"}));
  EXPECT_EQ(uart.stats().lines, 2u);
  EXPECT_EQ(uart.stats().chars, 18u);
}

TEST(UartCore, DataRegisterTransmitsAndReadsZero) {
  UartCore uart(config());
  Picoseconds stall = 1;
  ASSERT_EQ(uart.write(UartCore::kDr, 0x141, 0, stall), Status::kOk); // only bits [7:0]
  EXPECT_EQ(stall, 0u);
  EXPECT_EQ(uart.output(), "A");
  std::uint32_t v = 1;
  ASSERT_EQ(uart.read(UartCore::kDr, v, 0), Status::kOk);
  EXPECT_EQ(v, 0u);
}

TEST(UartCore, DataRegisterWriteReportsStallWhenFull) {
  UartCore uart(config());
  Picoseconds stall = 0;
  for (int i = 0; i < 32; ++i) uart.write(UartCore::kDr, 'x', 100, stall);
  EXPECT_EQ(stall, 0u);
  uart.write(UartCore::kDr, 'y', 100, stall);
  EXPECT_EQ(stall, kCharTime);
}

TEST(UartCore, SpaceAtIsWhenAPollerWouldFindTheFifoNotFull) {
  UartCore uart(config());
  EXPECT_EQ(uart.space_at(100), 100u); // empty
  Picoseconds stall = 0;
  for (int i = 0; i < 32; ++i) uart.write(UartCore::kDr, 'x', 100, stall);
  // Full: the first character's stop bit frees a slot; the flags agree on either side of it.
  EXPECT_EQ(uart.space_at(100), 100 + kCharTime);
  EXPECT_NE(uart.flags(100 + kCharTime - 1) & UartCore::kFrTxff, 0u);
  EXPECT_EQ(uart.flags(100 + kCharTime) & UartCore::kFrTxff, 0u);
  EXPECT_EQ(uart.space_at(100 + kCharTime), 100 + kCharTime);
  // A write at that time is accepted without a stall; a poller's wait counts as one.
  uart.write(UartCore::kDr, 'y', 100 + kCharTime, stall);
  EXPECT_EQ(stall, 0u);
  EXPECT_EQ(uart.stats().stalls, 0u);
  uart.record_wait(kCharTime);
  uart.record_wait(0);
  EXPECT_EQ(uart.stats().stalls, 1u);
  EXPECT_EQ(uart.stats().stall_time, kCharTime);
}

TEST(UartCore, FlagRegisterIsComputedAtAccessTimeAndReadOnly) {
  UartCore uart(config());
  Picoseconds stall = 0;
  uart.write(UartCore::kDr, 'a', 0, stall);
  std::uint32_t v = 0;
  uart.read(UartCore::kFr, v, 0);
  EXPECT_EQ(v, UartCore::kFrBusy | UartCore::kFrRxfe);
  uart.read(UartCore::kFr, v, kCharTime);
  EXPECT_EQ(v, UartCore::kFrTxfe | UartCore::kFrRxfe);
  EXPECT_EQ(uart.write(UartCore::kFr, 0, 0, stall), Status::kAccessError);
}

TEST(UartCore, ConfigurationRegistersAreStoredWithMasksAndResets) {
  UartCore uart(config());
  std::uint32_t v = 0;
  uart.read(UartCore::kCr, v, 0);
  EXPECT_EQ(v, 0x300u);
  Picoseconds stall = 0;
  uart.write(UartCore::kIbrd, 0xffffffff, 0, stall);
  uart.read(UartCore::kIbrd, v, 0);
  EXPECT_EQ(v, 0xffffu);
  uart.write(UartCore::kFbrd, 0xff, 0, stall);
  uart.read(UartCore::kFbrd, v, 0);
  EXPECT_EQ(v, 0x3fu);
  uart.write(UartCore::kLcrH, 0x70, 0, stall);
  uart.read(UartCore::kLcrH, v, 0);
  EXPECT_EQ(v, 0x70u);
  uart.read(UartCore::kPeriphId0, v, 0);
  EXPECT_EQ(v, 0x11u);
  uart.read(0xffc, v, 0);
  EXPECT_EQ(v, 0xb1u);
}

TEST(UartCore, UnknownOffsetsAndSubWordAccessesAreRejected) {
  UartCore uart(config());
  std::uint32_t v = 0;
  Picoseconds stall = 0;
  EXPECT_EQ(uart.read(0x100, v, 0), Status::kAddressError);
  EXPECT_EQ(uart.write(0x04c, 0, 0, stall), Status::kAddressError);
  EXPECT_EQ(uart.write(UartCore::kDr, 'a', 0, stall, 1), Status::kSizeError);
  EXPECT_TRUE(uart.output().empty());
}

TEST(UartCore, TaggedInterruptRegistersWarnOnceAndReadReset) {
  test::LogCapture::instance().expect(log::Level::kWarn, "UARTIMSC");
  UartCore uart(config());
  Picoseconds stall = 0;
  EXPECT_EQ(uart.write(UartCore::kImsc, 0x10, 0, stall), Status::kOk);
  EXPECT_EQ(uart.write(UartCore::kImsc, 0x10, 0, stall), Status::kOk);
  std::uint32_t v = 1;
  EXPECT_EQ(uart.read(UartCore::kImsc, v, 0), Status::kOk);
  EXPECT_EQ(v, 0u);
}

TEST(UartCore, PeekHasNoSideEffects) {
  UartCore uart(config());
  uart.accept('a', 0);
  std::uint32_t v = 0;
  ASSERT_EQ(uart.peek(UartCore::kFr, v, 0), Status::kOk);
  EXPECT_EQ(v, UartCore::kFrBusy | UartCore::kFrRxfe);
  ASSERT_EQ(uart.peek(UartCore::kImsc, v, 0), Status::kOk); // tagged: no warning on peek
  EXPECT_EQ(uart.stats().chars, 1u);
}

TEST(UartCore, RejectsZeroBaud) {
  UartConfig cfg = config();
  cfg.baud = 0;
  EXPECT_THROW(UartCore uart(cfg), std::invalid_argument);
}

// docs/models/uart.md embeds the register table; it must match the declarations.
TEST(UartCore, RegisterTableInDocsMatchesDeclarations) {
  UartCore uart(config());
  std::ifstream doc(std::string(IPCSIM_SOURCE_DIR) + "/docs/models/uart.md");
  ASSERT_TRUE(doc) << "docs/models/uart.md missing";
  std::stringstream text;
  text << doc.rdbuf();
  const std::string table = uart.regs().markdown();
  EXPECT_NE(text.str().find(table), std::string::npos)
      << "regenerate the table in docs/models/uart.md:\n"
      << table;
}

} // namespace
} // namespace sim::models
