// SPDX-License-Identifier: Apache-2.0
#pragma once
// The remote image's logging subsystem on the simulated core: log calls in the caller's context
// and the log processing thread (subsys/logging/log_core.c: z_log_msg_post_finalize,
// log_process_thread_func, z_impl_log_process), around the pure core of log_core.h. In deferred
// mode a call costs its packaging and leaves the printing to the thread, which Zephyr creates at
// K_LOWEST_APPLICATION_THREAD_PRIO: on this single remote core it prints only while the sample's
// threads wait, at the UART's speed, and a burst of calls meanwhile overflows the buffer. The
// other modes print in the caller's context. docs/models/zephyr-logging.md.

#include <optional>
#include <string>

#include "sw/hal/hal.h"
#include "sw/zephyr/log_core.h"
#include "sw/zephyr/zephyr.h"

namespace sim::sw::zephyr {

class LogSubsystem : public Logger {
public:
  /// `console`: the UART backend exists (the image's `console` option); without it nothing is
  /// logged. `module` names the log module (LOG_MODULE_REGISTER).
  LogSubsystem(hal::Hal& hal, const LogOptions& options, bool console, std::string module,
               ZephyrStatus& status);

  /// enable_logger (SYS_INIT, before main): the log thread, in deferred mode.
  void start();
  void log(const LogCall& call) override;

private:
  void thread_main();
  /// Gives the thread's semaphore; `process`: to process (the threshold, a drop), not only to
  /// take up a newly started timer.
  void wake_thread(bool process);
  std::string text_of(const LogCall& call) const;

  hal::Hal& hal_;
  LogOptions options_;
  bool console_;
  std::string module_;
  ZephyrStatus& status_;
  logging::DeferredBuffer buffer_;
  hal::Semaphore* wake_ = nullptr;
  std::size_t dropped_pending_ = 0;
  std::optional<hal::SimTime> timer_at_; ///< the one-shot LOG_PROCESS_THREAD_SLEEP_MS timer
  bool process_ = false;
};

} // namespace sim::sw::zephyr
