// SPDX-License-Identifier: Apache-2.0
#pragma once
// Zephyr 3.7's logging subsystem, the parts that decide what a user sees on the remote's console
// (subsys/logging/log_core.c, log_msg.c, log_output.c, lib/os/mpsc_pbuf.c; rpmsg-protocol.md
// §6.8; docs/models/zephyr-logging.md lists the facts and where each was read). Pure: no thread;
// the remote image drives it (a log call, the log thread's wake-ups and output).
//
// Deferred mode, the default (LOG_MODE_DEFERRED): a log call packages its arguments into a
// message in a ring of LOG_BUFFER_SIZE bytes (mpsc_pbuf, one 32-bit word always kept free) and
// returns; with LOG_MODE_OVERFLOW a message that does not fit drops the oldest ones (never the
// one the log thread is printing), and each drop is counted and wakes the log thread. The log
// thread (priority K_LOWEST_APPLICATION_THREAD_PRIO, 14) prints one message per log_process()
// and drains the buffer; it is woken by the 10th buffered message
// (LOG_PROCESS_TRIGGER_THRESHOLD), by a drop, or by a one-shot timer of
// LOG_PROCESS_THREAD_SLEEP_MS (1000 ms) started by the first message into an empty buffer. After
// a processed message, pending drops print "--- N messages dropped ---" (red); in 3.7 the
// LOG_FAILURE_REPORT_PERIOD rate limit does not hold back this report (its `last_failure_report`
// runs ahead of the uptime; fixed after 3.7 by PR #78145), so the model prints it after the next
// message.
// Immediate mode formats and prints in the caller's context; minimal mode is printk("%c: " fmt
// "\n"); printk mode is the pre-3.7 sample's plain printk.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "sw/hal/hal.h"

namespace sim::sw::zephyr::logging {

/// LOG_LEVEL_ERR..LOG_LEVEL_DBG.
enum class Level : std::uint8_t { kErr = 1, kWrn = 2, kInf = 3, kDbg = 4 };

enum class Mode : std::uint8_t { kDeferred, kImmediate, kMinimal, kPrintk };

/// The size, in the log buffer, of a deferred message on a 64-bit core (log_msg.h, cbprintf.h):
/// a 16-byte header, then the cbprintf package: its 8-byte header, the format pointer and one
/// 8-byte slot per argument (VA_STACK_MIN_ALIGN 8 on AArch64), then each string argument that
/// is not in read-only memory copied whole (strlen + NUL, the `%.*s` precision ignored) behind
/// a 1-byte index; the total rounded up to 8 (Z_LOG_MSG_ALIGNMENT).
std::size_t message_size(unsigned arguments, const std::vector<std::size_t>& copied_strings);

/// What the log thread should be told after a commit (z_log_msg_post_finalize), from the count
/// of buffered messages before it.
enum class Wake : std::uint8_t { kNone, kStartTimer, kNow };
Wake wake_after_commit(std::size_t buffered_before, unsigned trigger_threshold);

/// One line as the UART backend writes it (log_output.c, default flags: level, formatted
/// timestamp, colors): "[hh:mm:ss.mmm,uuu] <color><inf> module: text<reset>\r\n". The timestamp
/// is k_uptime_get_32 in ms (cores above 1 MHz), so the microseconds print as 000.
std::string format_line(Level level, hal::SimTime at, const std::string& module,
                        const std::string& text, bool colors);
/// "--- N messages dropped ---\r\n" (N capped at 9999), red when `colors`.
std::string dropped_line(std::size_t dropped, bool colors);
/// LOG_MODE_MINIMAL: printk("%c: " fmt "\n"), no timestamp, module or function prefix.
std::string minimal_line(Level level, const std::string& text);

/// The deferred ring (mpsc_pbuf in overwrite mode) with the messages it holds.
class DeferredBuffer {
public:
  struct Message {
    std::size_t bytes = 0;
    Level level = Level::kInf;
    hal::SimTime at = 0; ///< the commit time: the line's timestamp
    std::string text;
  };

  /// `buffer_size` bytes (CONFIG_LOG_BUFFER_SIZE), of which one word is never used.
  explicit DeferredBuffer(std::size_t buffer_size);

  /// Commits `m`, first dropping the oldest messages (never the one claimed) until it fits.
  /// Returns how many were dropped; a message larger than what the claimed one leaves is itself
  /// dropped (counted in that return, and `*stored` is false).
  std::size_t put(Message m, bool* stored = nullptr);
  /// The oldest message, claimed for output: its bytes stay in use until release().
  std::optional<Message> claim();
  void release();

  std::size_t capacity() const { return capacity_; }
  std::size_t used() const { return used_; }
  /// Committed, not yet claimed.
  std::size_t pending() const { return queue_.size(); }
  bool claimed() const { return claimed_bytes_ != 0; }

private:
  std::size_t capacity_;
  std::size_t used_ = 0;
  std::size_t claimed_bytes_ = 0;
  std::deque<Message> queue_;
};

} // namespace sim::sw::zephyr::logging
