// SPDX-License-Identifier: Apache-2.0
#pragma once
// printk_ratelimited's state (lib/ratelimit.c, DEFAULT_RATELIMIT_INTERVAL 5 s, BURST 10): at most
// `burst` lines per interval from one call site; when a new interval starts after suppressed
// lines, "<func>: N callbacks suppressed" is printed first.

#include <string>

#include "sw/hal/sim_time.h"
#include "sw/linux/printk.h"

namespace sim::sw::lnx {

class RateLimit {
public:
  RateLimit(std::string func, hal::SimTime interval = 5 * hal::kSec, int burst = 10)
      : func_(std::move(func)), interval_(interval), burst_(burst) {}

  /// ___ratelimit: true when the caller may print now.
  bool allow(Printk& printk, hal::SimTime now) {
    if (!started_) {
      started_ = true;
      begin_ = now;
    }
    if (now >= begin_ + interval_) {
      if (missed_ > 0) {
        printk.print(KernLevel::kWarn,
                     format("%s: %d callbacks suppressed", func_.c_str(), missed_));
        missed_ = 0;
      }
      begin_ = now;
      printed_ = 0;
    }
    if (burst_ > printed_) {
      ++printed_;
      return true;
    }
    ++missed_;
    return false;
  }

private:
  std::string func_;
  hal::SimTime interval_;
  int burst_;
  bool started_ = false;
  hal::SimTime begin_ = 0;
  int printed_ = 0;
  int missed_ = 0;
};

} // namespace sim::sw::lnx
