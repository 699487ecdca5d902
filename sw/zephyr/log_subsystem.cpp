// SPDX-License-Identifier: Apache-2.0
#include "sw/zephyr/log_subsystem.h"

#include <utility>

namespace sim::sw::zephyr {

using logging::Level;
using logging::Mode;

Mode sample_log_mode(std::string_view zephyr_version) {
  return zephyr_version == "3.3" || zephyr_version == "3.6" ? Mode::kPrintk : Mode::kDeferred;
}

LogSubsystem::LogSubsystem(hal::Hal& hal, const LogOptions& options, bool console,
                           std::string module, ZephyrStatus& status)
    : hal_(hal), options_(options), console_(console), module_(std::move(module)), status_(status),
      buffer_(options.buffer_size) {}

void LogSubsystem::start() {
  if (!console_ || options_.mode != Mode::kDeferred) return;
  wake_ = &hal_.os().semaphore("log_process_thread_sem", 0, 1);
  hal_.os().spawn({"logging", options_.thread_priority, false, 0}, [this] { thread_main(); });
}

std::string LogSubsystem::text_of(const LogCall& call) const {
  // Z_LOG_STR_WITH_PREFIX: "%s: " with __func__ before a debug line's format, except in minimal
  // mode (Z_LOG_TO_PRINTK has no prefix).
  if (call.level == Level::kDbg && !call.func.empty() && options_.mode != Mode::kMinimal)
    return call.func + ": " + call.text;
  return call.text;
}

void LogSubsystem::log(const LogCall& call) {
  if (!console_) return;
  if (options_.mode == Mode::kPrintk) {
    // Before Zephyr 3.7 the sample printed with printk and had no debug lines (CONFIG_LOG off).
    if (call.level == Level::kDbg) return;
    hal_.console(call.text + "\n");
    return;
  }
  if (static_cast<unsigned>(call.level) > options_.level) return; // compiled out
  ++status_.log_messages;
  const std::string text = text_of(call);
  switch (options_.mode) {
  case Mode::kMinimal:
    hal_.console(logging::minimal_line(call.level, text));
    ++status_.log_lines;
    return;
  case Mode::kImmediate:
    hal_.console(logging::format_line(call.level, hal_.now(), module_, text, options_.colors));
    ++status_.log_lines;
    return;
  default:
    break;
  }
  // Deferred: package, allocate (dropping the oldest when full), commit.
  hal_.spend(options_.package_cycles);
  logging::DeferredBuffer::Message m;
  const bool prefixed = call.level == Level::kDbg && !call.func.empty();
  m.bytes = logging::message_size(call.arguments + (prefixed ? 1 : 0), call.copied_strings);
  m.level = call.level;
  m.at = hal_.now(); // the timestamp is taken at commit
  m.text = text;
  bool stored = false;
  const std::size_t dropped = buffer_.put(std::move(m), &stored);
  if (dropped > 0) {
    // z_log_dropped: counted, and the thread woken at once.
    status_.log_dropped += dropped;
    dropped_pending_ += dropped;
    timer_at_.reset();
    wake_thread(true);
  }
  if (!stored) return;
  // buffered_cnt before this commit: the messages waiting, not counting this one.
  switch (logging::wake_after_commit(buffer_.pending() - 1, options_.trigger_threshold)) {
  case logging::Wake::kStartTimer:
    timer_at_ = hal_.now() + options_.thread_sleep;
    wake_thread(false); // the waiting thread takes up the timer's expiry
    break;
  case logging::Wake::kNow:
    timer_at_.reset();
    wake_thread(true);
    break;
  case logging::Wake::kNone:
    break;
  }
}

void LogSubsystem::wake_thread(bool process) {
  if (process) process_ = true;
  if (wake_ != nullptr) wake_->give();
}

void LogSubsystem::thread_main() {
  for (;;) {
    // log_process() until it finds nothing: one message per call, then the drop report.
    for (;;) {
      std::optional<logging::DeferredBuffer::Message> m = buffer_.claim();
      if (m) {
        // The UART backend polls one character at a time: the thread holds the core for the
        // line unless something more urgent preempts it.
        hal_.console(logging::format_line(m->level, m->at, module_, m->text, options_.colors));
        buffer_.release();
        ++status_.log_lines;
      }
      if (dropped_pending_ > 0) {
        const std::size_t n = dropped_pending_;
        dropped_pending_ = 0;
        hal_.console(logging::dropped_line(n, options_.colors));
      }
      if (!m) break;
    }
    // k_sem_take(&log_process_thread_sem, K_FOREVER): woken by the threshold, a drop, or the
    // timer's expiry. A give that only started the timer makes it wait again, until then.
    for (;;) {
      if (timer_at_) {
        const hal::SimTime now = hal_.now();
        if (*timer_at_ <= now || !wake_->take(*timer_at_ - now)) {
          timer_at_.reset();
          break;
        }
      } else {
        wake_->take(hal::kForever);
      }
      if (process_) break;
    }
    process_ = false;
  }
}

} // namespace sim::sw::zephyr
