// SPDX-License-Identifier: Apache-2.0
// printk for the Zephyr applications (the report_* helpers are inline in the header).
#include <cstdarg>
#include <cstdio>
#include <vector>

#include "sw/apps/zephyr/app_reports.h"

namespace sim::sw::apps {

void zephyr_printk(hal::Hal& hal, bool enabled, const char* fmt, ...) {
  if (!enabled) return;
  std::va_list args;
  va_start(args, fmt);
  std::va_list copy;
  va_copy(copy, args);
  const int n = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  if (n > 0) {
    std::vector<char> line(static_cast<std::size_t>(n) + 1);
    std::vsnprintf(line.data(), line.size(), fmt, args);
    hal.console(std::string_view(line.data(), static_cast<std::size_t>(n)));
  }
  va_end(args);
}

} // namespace sim::sw::apps
