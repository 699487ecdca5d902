// SPDX-License-Identifier: Apache-2.0
// Zephyr's logging core: message sizes, the wake rules, the output lines and the deferred ring.
#include "sw/zephyr/log_core.h"

#include <gtest/gtest.h>

namespace sim::sw::zephyr::logging {
namespace {

TEST(LogCore, MessageSizesOfTheSamplesStatementsOnA64BitCore) {
  // LOG_INF("OpenAMP[remote] Linux responder demo started"): header, package header, fmt.
  EXPECT_EQ(message_size(0, {}), 32u);
  // LOG_DBG("%s: msg received", __func__) with the DBG prefix "%s: ": two read-only strings.
  EXPECT_EQ(message_size(2, {}), 48u);
  // LOG_DBG("%s: msg received from mb %d", __func__, id) with the prefix.
  EXPECT_EQ(message_size(3, {}), 56u);
  // LOG_INF("[Linux sample client] incoming msg %d: %.*s", cnt, len, data): the 12-byte
  // "hello world!" copied with its NUL behind a 1-byte index: 70, rounded to 72.
  EXPECT_EQ(message_size(3, {12}), 72u);
}

TEST(LogCore, TheFirstMessageStartsTheTimerAndTheTenthWakesTheThread) {
  EXPECT_EQ(wake_after_commit(0, 10), Wake::kStartTimer);
  EXPECT_EQ(wake_after_commit(5, 10), Wake::kNone);
  EXPECT_EQ(wake_after_commit(9, 10), Wake::kNow);
  EXPECT_EQ(wake_after_commit(10, 10), Wake::kNone);
  EXPECT_EQ(wake_after_commit(0, 1), Wake::kNow); // threshold 1: every first message
}

TEST(LogCore, LinesAreWhatTheUartBackendWrites) {
  EXPECT_EQ(format_line(Level::kInf, 12 * hal::kMs + 345 * hal::kUs, "openamp_rsc_table",
                        "[Linux sample client] incoming msg 97: hello world!", true),
            "[00:00:00.012,000] \x1B[0m<inf> openamp_rsc_table: [Linux sample client] incoming "
            "msg 97: hello world!\x1B[0m\r\n");
  EXPECT_EQ(format_line(Level::kErr, 3723 * hal::kSec + 4 * hal::kMs, "m", "x", true),
            "[01:02:03.004,000] \x1B[1;31m<err> m: x\x1B[0m\r\n");
  EXPECT_EQ(format_line(Level::kDbg, 0, "m", "mailbox_notify: mailbox_notify: msg received", false),
            "[00:00:00.000,000] <dbg> m: mailbox_notify: mailbox_notify: msg received\r\n");
  EXPECT_EQ(dropped_line(287, true), "\x1B[1;31m--- 287 messages dropped ---\r\n\x1B[0m");
  EXPECT_EQ(dropped_line(12000, false), "--- 9999 messages dropped ---\r\n");
  EXPECT_EQ(minimal_line(Level::kDbg, "mailbox_notify: msg received"),
            "D: mailbox_notify: msg received\n");
  EXPECT_EQ(minimal_line(Level::kInf, "x"), "I: x\n");
}

DeferredBuffer::Message msg(std::size_t bytes, const std::string& text) {
  DeferredBuffer::Message m;
  m.bytes = bytes;
  m.text = text;
  return m;
}

TEST(LogCore, AFullBufferDropsItsOldestMessages) {
  DeferredBuffer b(1024);
  EXPECT_EQ(b.capacity(), 1020u); // one word kept free
  for (int i = 0; i < 14; ++i) EXPECT_EQ(b.put(msg(72, std::to_string(i))), 0u);
  EXPECT_EQ(b.used(), 1008u);
  EXPECT_EQ(b.put(msg(72, "14")), 1u);
  EXPECT_EQ(b.pending(), 14u);
  EXPECT_EQ(b.claim()->text, "1"); // 0 was dropped
  EXPECT_EQ(b.put(msg(200, "big")), 3u);
  EXPECT_EQ(b.pending(), 11u);
}

TEST(LogCore, TheMessageBeingPrintedIsNeverDropped) {
  DeferredBuffer b(128); // 124 usable
  b.put(msg(48, "printing"));
  b.put(msg(48, "waiting"));
  ASSERT_EQ(b.claim()->text, "printing");
  EXPECT_TRUE(b.claimed());
  EXPECT_EQ(b.claim(), std::nullopt); // one log_process() at a time
  // 48 claimed + 48 + 48 > 124: the waiting one goes, the printed one stays.
  EXPECT_EQ(b.put(msg(48, "new")), 1u);
  EXPECT_EQ(b.used(), 96u);
  // Bigger than what the claimed message leaves: the new message itself is dropped.
  bool stored = true;
  EXPECT_EQ(b.put(msg(80, "too big"), &stored), 1u);
  EXPECT_FALSE(stored);
  EXPECT_EQ(b.pending(), 1u);
  b.release();
  EXPECT_EQ(b.used(), 48u);
  EXPECT_EQ(b.claim()->text, "new");
}

} // namespace
} // namespace sim::sw::zephyr::logging
