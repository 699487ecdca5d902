// SPDX-License-Identifier: Apache-2.0
#include "sw/zephyr/log_core.h"

#include <algorithm>
#include <cstdio>

namespace sim::sw::zephyr::logging {
namespace {

constexpr std::size_t kMsgHeader = 16;    // struct log_msg_hdr on a 64-bit core
constexpr std::size_t kPackageHeader = 8; // union cbprintf_package_hdr (a pointer wide)
constexpr std::size_t kSlot = 8;          // VA_STACK_MIN_ALIGN on AArch64
constexpr std::size_t kMsgAlignment = 8;  // Z_LOG_MSG_ALIGNMENT
constexpr std::size_t kWord = 4;          // mpsc_pbuf keeps one 32-bit word free
constexpr std::size_t kMaxDroppedShown = 9999;

// log_output.c: the level names and their colors (LOG_BACKEND_SHOW_COLOR; info and debug have
// none, so the reset code is written in their place).
const char* level_name(Level l) {
  switch (l) {
  case Level::kErr:
    return "err";
  case Level::kWrn:
    return "wrn";
  case Level::kInf:
    return "inf";
  case Level::kDbg:
    return "dbg";
  }
  return "???";
}

const char* level_color(Level l) {
  switch (l) {
  case Level::kErr:
    return "\x1B[1;31m";
  case Level::kWrn:
    return "\x1B[1;33m";
  default:
    return "\x1B[0m";
  }
}

constexpr const char* kColorReset = "\x1B[0m";

} // namespace

std::size_t message_size(unsigned arguments, const std::vector<std::size_t>& copied_strings) {
  std::size_t package = kPackageHeader + kSlot /* fmt */ + kSlot * arguments;
  for (std::size_t len : copied_strings) package += 1 + len + 1;
  const std::size_t total = kMsgHeader + package;
  return (total + kMsgAlignment - 1) / kMsgAlignment * kMsgAlignment;
}

Wake wake_after_commit(std::size_t buffered_before, unsigned trigger_threshold) {
  // `cnt = atomic_inc(&buffered_cnt)`: the first message starts the timer, the one that makes
  // the count reach the threshold wakes the thread (with threshold 1, the first does).
  if (trigger_threshold != 0 && buffered_before + 1 == trigger_threshold) return Wake::kNow;
  if (buffered_before == 0) return Wake::kStartTimer;
  return Wake::kNone;
}

std::string format_line(Level level, hal::SimTime at, const std::string& module,
                        const std::string& text, bool colors) {
  const std::uint64_t ms = at / hal::kMs;
  char stamp[40];
  std::snprintf(stamp, sizeof stamp, "[%02llu:%02llu:%02llu.%03llu,%03u] ",
                static_cast<unsigned long long>(ms / 3600000),
                static_cast<unsigned long long>(ms / 60000 % 60),
                static_cast<unsigned long long>(ms / 1000 % 60),
                static_cast<unsigned long long>(ms % 1000), 0u);
  std::string line = stamp;
  if (colors) line += level_color(level);
  line += std::string("<") + level_name(level) + "> " + module + ": " + text;
  if (colors) line += kColorReset;
  return line + "\r\n";
}

std::string dropped_line(std::size_t dropped, bool colors) {
  std::string line = colors ? "\x1B[1;31m--- " : "--- ";
  line += std::to_string(std::min(dropped, kMaxDroppedShown)) + " messages dropped ---\r\n";
  if (colors) line += kColorReset;
  return line;
}

std::string minimal_line(Level level, const std::string& text) {
  static constexpr char kLetters[] = {'?', 'E', 'W', 'I', 'D'};
  return std::string(1, kLetters[static_cast<unsigned>(level)]) + ": " + text + "\n";
}

DeferredBuffer::DeferredBuffer(std::size_t buffer_size)
    : capacity_(buffer_size > kWord ? buffer_size - kWord : 0) {}

std::size_t DeferredBuffer::put(Message m, bool* stored) {
  if (stored != nullptr) *stored = false;
  if (m.bytes > capacity_ - std::min(capacity_, claimed_bytes_)) {
    // It cannot fit even once everything unclaimed is gone: mpsc_pbuf drops the message itself.
    return 1;
  }
  if (stored != nullptr) *stored = true;
  std::size_t dropped = 0;
  while (used_ + m.bytes > capacity_ && !queue_.empty()) {
    // drop_item_locked: the oldest committed message (a claimed one is skipped over).
    used_ -= queue_.front().bytes;
    queue_.pop_front();
    ++dropped;
  }
  used_ += m.bytes;
  queue_.push_back(std::move(m));
  return dropped;
}

std::optional<DeferredBuffer::Message> DeferredBuffer::claim() {
  if (queue_.empty() || claimed_bytes_ != 0) return std::nullopt;
  Message m = std::move(queue_.front());
  queue_.pop_front();
  claimed_bytes_ = m.bytes;
  return m;
}

void DeferredBuffer::release() {
  used_ -= claimed_bytes_;
  claimed_bytes_ = 0;
}

} // namespace sim::sw::zephyr::logging
